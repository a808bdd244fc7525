using PdfSharp.Fonts;

namespace AutoFinance.Infrastructure.Contracts;

/// <summary>
/// Gives PDFsharp the one font the contract is set in, read from a font file (by default the WenQuanYi Micro Hei the
/// platform ships, a TrueType collection whose first face, taken out of it, covers Chinese and Latin). PDFsharp embeds the subset
/// of glyphs a document uses, so the PDF reads the same everywhere. PDFsharp's resolver is process-wide: the first
/// configured font file wins.
/// </summary>
public sealed class ContractFontResolver : IFontResolver
{
    public const string FamilyName = "ContractSans";

    private static readonly Lock Gate = new();
    private static ContractFontResolver? _installed;

    private readonly Lazy<byte[]> _font;

    private ContractFontResolver(string path)
    {
        Path = path;
        _font = new Lazy<byte[]>(() => File.Exists(path)
            ? TrueTypeCollection.Face(File.ReadAllBytes(path), 0)
            : throw new FileNotFoundException($"the contract font {path} is missing (set Contracts:FontPath to a TrueType font with Chinese glyphs)", path));
    }

    public string Path { get; }

    /// <summary>Installs the resolver once per process (PDFsharp allows one).</summary>
    public static void Install(string path)
    {
        lock (Gate)
        {
            if (_installed is not null)
            {
                return;
            }

            _installed = new ContractFontResolver(path);
            GlobalFontSettings.FontResolver = _installed;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(FamilyName);

    public byte[]? GetFont(string faceName) => _font.Value;
}
