using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace AutoFinance.Infrastructure.Ocr;

/// <summary>
/// PP-OCR's CRNN text recogniser with CTC decoding: a line image is scaled to 48 pixels high (width in proportion,
/// at most <see cref="MaxWidth"/>), normalised to [−1, 1] in BGR order; the model answers, for each of its time steps,
/// a probability per class, where class 0 is the CTC blank, classes 1…n the dictionary's characters and n + 1 a space.
/// Greedy CTC decoding takes the likeliest class at each step, merges repeats and drops blanks.
/// </summary>
public sealed class TextRecognizer(InferenceSession session, IReadOnlyList<string> dictionary)
{
    public const int Height = 48;
    public const int MaxWidth = 1280;

    public (string Text, float Confidence) Recognize(SKBitmap line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var width = Math.Clamp((int)Math.Ceiling(line.Width * Height / (float)line.Height), 16, MaxWidth);
        using var resized = line.Resize(new SKImageInfo(width, Height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear));
        var plane = width * Height;
        var data = new float[3 * plane];
        var pixels = resized.Pixels;
        for (var i = 0; i < plane; i++)
        {
            var p = pixels[i];
            data[i] = (p.Blue / 127.5f) - 1f;
            data[plane + i] = (p.Green / 127.5f) - 1f;
            data[(2 * plane) + i] = (p.Red / 127.5f) - 1f;
        }

        var input = new DenseTensor<float>(data, [1, 3, Height, width]);

        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), input)]);
        var output = results.First();
        var dimensions = output.AsTensor<float>().Dimensions;
        return Decode(output.AsEnumerable<float>().ToArray(), dimensions[1], dimensions[2]);
    }

    /// <summary>Greedy CTC: the best class per step, repeats merged, blanks (class 0) dropped.</summary>
    public (string Text, float Confidence) Decode(float[] probabilities, int steps, int classes)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var text = new StringBuilder();
        var previous = -1;
        float sum = 0;
        var kept = 0;
        for (var t = 0; t < steps; t++)
        {
            var best = 0;
            var bestP = float.MinValue;
            for (var c = 0; c < classes; c++)
            {
                var p = probabilities[(t * classes) + c];
                if (p > bestP)
                {
                    bestP = p;
                    best = c;
                }
            }

            if (best != 0 && best != previous)
            {
                text.Append(best <= dictionary.Count ? dictionary[best - 1] : " ");
                sum += bestP;
                kept++;
            }

            previous = best;
        }

        return (text.ToString(), kept == 0 ? 0 : sum / kept);
    }
}
