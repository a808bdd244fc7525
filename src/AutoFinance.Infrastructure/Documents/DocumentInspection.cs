using AutoFinance.Domain.Documents;
using PdfSharp.Pdf.IO;
using SkiaSharp;

namespace AutoFinance.Infrastructure.Documents;

/// <summary>
/// Whether an uploaded file really is what its first bytes say: an image must decode (SkiaSharp) and a PDF must open
/// (PDFsharp); a small JPEG thumbnail is made from an image for staff.
/// </summary>
public static class DocumentInspection
{
    private const int ThumbnailEdge = 240;

    /// <summary>The content type when the file decodes as one; null otherwise.</summary>
    public static string? Decodes(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var type = FileContentType.Sniff(content);
        return type switch
        {
            FileContentType.Jpeg or FileContentType.Png => DecodeImage(content) is { } image ? Dispose(image, type) : null,
            FileContentType.Pdf => OpensAsPdf(content) ? type : null,
            _ => null,
        };
    }

    /// <summary>A JPEG at most 240 pixels on its longer edge, or null for a PDF.</summary>
    public static byte[]? Thumbnail(byte[] content)
    {
        using var image = DecodeImage(content);
        if (image is null)
        {
            return null;
        }

        var scale = Math.Min(1f, ThumbnailEdge / (float)Math.Max(image.Width, image.Height));
        var width = Math.Max(1, (int)(image.Width * scale));
        var height = Math.Max(1, (int)(image.Height * scale));
        // Drawn on white into an opaque bitmap: a JPEG has no transparency.
        using var small = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(small))
        {
            canvas.Clear(SKColors.White);
            using var source = SKImage.FromBitmap(image);
            canvas.DrawImage(source, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        }

        using var encoded = small.Encode(SKEncodedImageFormat.Jpeg, 80);
        return encoded?.ToArray();
    }

    /// <summary>
    /// The image the bytes hold, decoded whole; null when they are no image or are cut short. SkiaSharp's own
    /// <c>SKBitmap.Decode</c> throws on bytes no codec claims, and fills the rest of a truncated image with blank
    /// pixels, so a file cut off in transit would pass for a photo.
    /// </summary>
    public static SKBitmap? DecodeImage(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return null;
        }

        var info = codec.Info.WithColorType(SKImageInfo.PlatformColorType);
        if (info.AlphaType == SKAlphaType.Unpremul)
        {
            info = info.WithAlphaType(SKAlphaType.Premul);
        }

        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(bitmap.Info, bitmap.GetPixels()) == SKCodecResult.Success)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    private static bool OpensAsPdf(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content);
            using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
            return document.PageCount > 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A file that claims to be a PDF is the sender's input: whatever PDFsharp trips on, it is not a PDF we take.
            return false;
        }
    }

    private static string Dispose(SKBitmap image, string type)
    {
        image.Dispose();
        return type;
    }
}
