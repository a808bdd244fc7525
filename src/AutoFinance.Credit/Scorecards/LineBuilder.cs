using System.Globalization;

namespace AutoFinance.Credit.Scorecards;

/// <summary>Appends UTF-8 pieces of one output line into a buffer, growing it when a long record needs more room.</summary>
internal struct LineBuilder(byte[] bytes)
{
    public byte[] Bytes { get; private set; } = bytes;

    public int Length { get; private set; }

    public void Append(ReadOnlySpan<byte> piece)
    {
        Ensure(piece.Length);
        piece.CopyTo(Bytes.AsSpan(Length));
        Length += piece.Length;
    }

    public void Append(byte value)
    {
        Ensure(1);
        Bytes[Length++] = value;
    }

    public void Append(double value)
    {
        Ensure(32);
        value.TryFormat(Bytes.AsSpan(Length), out var written, default, CultureInfo.InvariantCulture);
        Length += written;
    }

    private void Ensure(int more)
    {
        if (Length + more <= Bytes.Length)
        {
            return;
        }

        var larger = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(Bytes.Length * 2, Length + more));
        Bytes.AsSpan(0, Length).CopyTo(larger);
        System.Buffers.ArrayPool<byte>.Shared.Return(Bytes);
        Bytes = larger;
    }
}
