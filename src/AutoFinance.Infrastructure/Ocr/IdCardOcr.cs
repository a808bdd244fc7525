using AutoFinance.Domain.Documents;

namespace AutoFinance.Infrastructure.Ocr;

/// <summary>
/// The platform's ID-card reader, loaded on first use from <c>Ocr:ModelsPath</c> (by default the first
/// <c>models/ocr</c> found from the working folder or the program's folder upwards). Without the models the reader
/// is unavailable and forms are filled by hand.
/// </summary>
public sealed class IdCardOcr : IDisposable
{
    private readonly Lazy<IdCardReader?> _reader;
    private readonly Lock _gate = new();

    public IdCardOcr(string? modelsPath)
    {
        var path = modelsPath is { Length: > 0 } configured ? configured : Find();
        _reader = new Lazy<IdCardReader?>(() => IdCardReader.ModelsIn(path) ? new IdCardReader(path!) : null);
    }

    public bool Available => _reader.Value is not null;

    /// <summary>The card's fields, or null when the reader is unavailable or the bytes are no image.</summary>
    public IdCardFields? Read(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (_reader.Value is not { } reader)
        {
            return null;
        }

        // One card at a time: the sessions already use both cores.
        lock (_gate)
        {
            return reader.Read(image);
        }
    }

    public void Dispose()
    {
        if (_reader.IsValueCreated)
        {
            _reader.Value?.Dispose();
        }
    }

    private static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "models", "ocr");
                if (IdCardReader.ModelsIn(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
