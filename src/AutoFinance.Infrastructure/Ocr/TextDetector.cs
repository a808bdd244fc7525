using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace AutoFinance.Infrastructure.Ocr;

/// <summary>A detected text line: its centre, size and angle (degrees) in the source image.</summary>
public sealed record TextBox(float CentreX, float CentreY, float Width, float Height, float AngleDegrees, float Score);

/// <summary>
/// PP-OCR's DB (differentiable binarisation) text detector: the image is scaled so its sides are multiples of 32
/// (the longer at most <see cref="MaxSide"/>), normalised with the ImageNet mean and deviation in BGR order, and the
/// model answers a per-pixel text probability. Post-processing as in PaddleOCR's DBPostProcess: threshold the map
/// at 0.3, take each connected region, score it by its mean probability (kept at 0.6 or more), fit a rotated
/// rectangle to it (principal axes of its pixels) and grow it by the "unclip" distance area × 1.5 / perimeter,
/// since the model is trained to mark a shrunken text kernel.
/// </summary>
public sealed class TextDetector(InferenceSession session)
{
    /// <summary>A card photo's text is large: detection at this size finds every line and costs half of 960.</summary>
    public const int MaxSide = 704;
    private const float BinaryThreshold = 0.3f;
    private const float BoxThreshold = 0.6f;
    private const float UnclipRatio = 1.5f;
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    public IReadOnlyList<TextBox> Detect(SKBitmap image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var scale = Math.Min(1f, MaxSide / (float)Math.Max(image.Width, image.Height));
        var width = Math.Max(32, (int)Math.Round(image.Width * scale / 32) * 32);
        var height = Math.Max(32, (int)Math.Round(image.Height * scale / 32) * 32);
        using var resized = image.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear));
        var plane = width * height;
        var data = new float[3 * plane];
        var pixels = resized.Pixels;
        for (var i = 0; i < plane; i++)
        {
            var p = pixels[i];
            // BGR, as PaddleOCR reads images with OpenCV.
            data[i] = ((p.Blue / 255f) - Mean[0]) / Std[0];
            data[plane + i] = ((p.Green / 255f) - Mean[1]) / Std[1];
            data[(2 * plane) + i] = ((p.Red / 255f) - Mean[2]) / Std[2];
        }

        var input = new DenseTensor<float>(data, [1, 3, height, width]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), input)]);
        var map = results.First().AsEnumerable<float>().ToArray();
        return Boxes(map, width, height, image.Width / (float)width, image.Height / (float)height);
    }

    private static List<TextBox> Boxes(float[] map, int width, int height, float scaleX, float scaleY)
    {
        var labels = new int[width * height];
        var boxes = new List<TextBox>();
        var stack = new Stack<int>();
        var region = new List<int>();
        for (var start = 0; start < labels.Length; start++)
        {
            if (labels[start] != 0 || map[start] <= BinaryThreshold)
            {
                continue;
            }

            region.Clear();
            labels[start] = 1;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var at = stack.Pop();
                region.Add(at);
                int ax = at % width, ay = at / width;
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        int nx = ax + dx, ny = ay + dy;
                        if (nx < 0 || ny < 0 || nx >= width || ny >= height)
                        {
                            continue;
                        }

                        var n = (ny * width) + nx;
                        if (labels[n] == 0 && map[n] > BinaryThreshold)
                        {
                            labels[n] = 1;
                            stack.Push(n);
                        }
                    }
                }
            }

            if (Box(region, map, width) is { } box)
            {
                boxes.Add(box with { CentreX = box.CentreX * scaleX, CentreY = box.CentreY * scaleY, Width = box.Width * scaleX, Height = box.Height * scaleY });
            }
        }

        return boxes;
    }

    private static TextBox? Box(List<int> region, float[] map, int width)
    {
        if (region.Count < 9)
        {
            return null;
        }

        double sx = 0, sy = 0, score = 0;
        foreach (var at in region)
        {
            sx += at % width;
            sy += at / width;
            score += map[at];
        }

        score /= region.Count;
        if (score < BoxThreshold)
        {
            return null;
        }

        double mx = sx / region.Count, my = sy / region.Count, cxx = 0, cyy = 0, cxy = 0;
        foreach (var at in region)
        {
            double dx = (at % width) - mx, dy = (at / width) - my;
            cxx += dx * dx;
            cyy += dy * dy;
            cxy += dx * dy;
        }

        // The long axis of the region; text lines here are near horizontal, so the angle is kept within ±45°.
        var angle = 0.5 * Math.Atan2(2 * cxy, cxx - cyy);
        double cos = Math.Cos(angle), sin = Math.Sin(angle);
        double minU = double.MaxValue, maxU = double.MinValue, minV = double.MaxValue, maxV = double.MinValue;
        foreach (var at in region)
        {
            double dx = (at % width) - mx, dy = (at / width) - my;
            var u = (dx * cos) + (dy * sin);
            var v = (-dx * sin) + (dy * cos);
            minU = Math.Min(minU, u);
            maxU = Math.Max(maxU, u);
            minV = Math.Min(minV, v);
            maxV = Math.Max(maxV, v);
        }

        double w = maxU - minU + 1, h = maxV - minV + 1;
        if (Math.Min(w, h) < 3)
        {
            return null;
        }

        var grow = w * h * UnclipRatio / (2 * (w + h));
        double cu = (minU + maxU) / 2, cv = (minV + maxV) / 2;
        var centreX = mx + (cu * cos) - (cv * sin);
        var centreY = my + (cu * sin) + (cv * cos);
        return new TextBox((float)centreX, (float)centreY, (float)(w + (2 * grow)), (float)(h + (2 * grow)), (float)(angle * 180 / Math.PI), (float)score);
    }
}
