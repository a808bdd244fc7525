using AutoFinance.Domain.Documents;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace AutoFinance.Infrastructure.Ocr;

/// <summary>
/// Reads the front of an ID card: PP-OCR detection finds the text lines, each is cut out upright (its rotation undone)
/// and recognised, the pieces are put in reading order (rows top to bottom, pieces left to right) and
/// <see cref="IdCardText"/> reads the fields. The models are the PP-OCRv4 ONNX files that
/// <c>scripts/fetch-ocr-models.sh</c> puts in <c>models/ocr/</c>; the sessions are made once and shared.
/// </summary>
public sealed class IdCardReader : IDisposable
{
    public const string DetectionModel = "ch_PP-OCRv4_det_infer.onnx";
    public const string RecognitionModel = "ch_PP-OCRv4_rec_infer.onnx";
    public const string Dictionary = "ppocr_keys_v1.txt";

    private readonly InferenceSession _detection;
    private readonly InferenceSession _recognition;
    private readonly TextDetector _detector;
    private readonly TextRecognizer _recognizer;

    public IdCardReader(string modelsPath)
    {
        var options = new SessionOptions { IntraOpNumThreads = Math.Min(2, Environment.ProcessorCount), InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _detection = new InferenceSession(Path.Combine(modelsPath, DetectionModel), options);
        _recognition = new InferenceSession(Path.Combine(modelsPath, RecognitionModel), options);
        _detector = new TextDetector(_detection);
        _recognizer = new TextRecognizer(_recognition, File.ReadAllLines(Path.Combine(modelsPath, Dictionary)));
    }

    /// <summary>Whether the three model files are in the folder.</summary>
    public static bool ModelsIn(string? path) =>
        path is not null && new[] { DetectionModel, RecognitionModel, Dictionary }.All(f => File.Exists(Path.Combine(path, f)));

    /// <summary>The fields of the card in the image, or null when the bytes are no image.</summary>
    public IdCardFields? Read(byte[] image)
    {
        using var bitmap = Documents.DocumentInspection.DecodeImage(image);
        return bitmap is null ? null : IdCardText.Parse(Lines(bitmap));
    }

    /// <summary>The recognised text, one string per row of the card, top to bottom.</summary>
    public IReadOnlyList<string> Lines(SKBitmap image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var pieces = new List<(TextBox Box, string Text)>();
        foreach (var box in _detector.Detect(image))
        {
            using var line = Upright(image, box);
            var (text, confidence) = _recognizer.Recognize(line);
            if (text.Length > 0 && confidence > 0.3f)
            {
                pieces.Add((box, text));
            }
        }

        // Rows are found along the card's own horizontal: a photo taken a few degrees askew moves a label and its value
        // apart vertically, so each piece is placed by its centre rotated back by the pieces' median angle.
        var skew = pieces.Count == 0 ? 0 : pieces.Select(p => p.Box.AngleDegrees).Order().ElementAt(pieces.Count / 2) * Math.PI / 180;
        float Across((TextBox Box, string Text) p) => (float)((-p.Box.CentreX * Math.Sin(skew)) + (p.Box.CentreY * Math.Cos(skew)));
        float Along((TextBox Box, string Text) p) => (float)((p.Box.CentreX * Math.Cos(skew)) + (p.Box.CentreY * Math.Sin(skew)));
        var rows = new List<List<(TextBox Box, string Text)>>();
        foreach (var piece in pieces.OrderBy(Across))
        {
            var row = rows.LastOrDefault();
            if (row is not null && Math.Abs(Across(piece) - row.Average(Across)) < 0.5f * Math.Min(piece.Box.Height, row.Min(p => p.Box.Height)))
            {
                row.Add(piece);
            }
            else
            {
                rows.Add([piece]);
            }
        }

        return [.. rows.Select(r => string.Concat(r.OrderBy(Along).Select(p => p.Text)))];
    }

    /// <summary>
    /// The box's pixels, rotated back to horizontal, on white. A piece about one character wide (the last character of
    /// an address wrapped onto a row of its own) is set in a white margin half its height each side: the recogniser,
    /// trained on lines, read such a lone digit as a letter.
    /// </summary>
    private static SKBitmap Upright(SKBitmap image, TextBox box)
    {
        var boxWidth = Math.Max(8, (int)Math.Ceiling(box.Width));
        var height = Math.Max(8, (int)Math.Ceiling(box.Height));
        var margin = box.Width < 1.6f * box.Height ? height / 2 : 0;
        var width = boxWidth + (2 * margin);
        var line = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(line);
        canvas.Clear(SKColors.White);
        canvas.ClipRect(new SKRect(margin, 0, margin + boxWidth, height));
        canvas.Translate(width / 2f, height / 2f);
        canvas.RotateDegrees(-box.AngleDegrees);
        canvas.Translate(-box.CentreX, -box.CentreY);
        using var source = SKImage.FromBitmap(image);
        canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return line;
    }

    public void Dispose()
    {
        _detection.Dispose();
        _recognition.Dispose();
    }
}
