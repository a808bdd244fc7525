using System.Globalization;
using System.Text;

namespace AutoFinance.Credit.Scorecards;

/// <summary>
/// A buffered UTF-8 line writer for scored files: input records are copied through byte for byte (already valid CSV),
/// so only the appended fields are formatted. Far cheaper than re-encoding every field of every row.
/// </summary>
internal sealed class Utf8RowWriter(Stream output) : IDisposable
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _used)
        {
            Flush();
            if (bytes.Length > _buffer.Length)
            {
                output.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    public void Write(byte value)
    {
        if (_used == _buffer.Length)
        {
            Flush();
        }

        _buffer[_used++] = value;
    }

    public void Write(double value)
    {
        Span<byte> text = stackalloc byte[32];
        value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
        Write(text[..written]);
    }

    /// <summary>Writes text as one CSV field, quoted when it holds a separator, quote or line break.</summary>
    public void WriteField(string text) => Write(Field(text));

    public static byte[] Field(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quoted = text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
        return Encoding.UTF8.GetBytes(quoted);
    }

    public void Flush()
    {
        output.Write(_buffer, 0, _used);
        _used = 0;
    }

    public void Dispose() => Flush();
}
