namespace AutoFinance.Domain.Documents;

/// <summary>
/// What a file is, told by its first bytes and never by its name or the type the sender claims: JPEG (FF D8 FF),
/// PNG (the eight-byte PNG signature) or PDF (%PDF-). Anything else, an executable renamed .jpg included, is none.
/// </summary>
public static class FileContentType
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Pdf = "application/pdf";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return Jpeg;
        }

        if (content.StartsWith(PngSignature))
        {
            return Png;
        }

        return content.StartsWith("%PDF-"u8) ? Pdf : null;
    }
}
