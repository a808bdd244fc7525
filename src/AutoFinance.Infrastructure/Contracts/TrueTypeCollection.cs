using System.Buffers.Binary;

namespace AutoFinance.Infrastructure.Contracts;

/// <summary>
/// Takes one face out of a TrueType collection (.ttc) as a stand-alone TrueType font, for PDFsharp, which reads
/// single fonts only: the face's table directory is copied and each table it names is copied after it, with the
/// offsets rewritten (in a collection they count from the start of the collection file).
/// </summary>
public static class TrueTypeCollection
{
    public static byte[] Face(byte[] font, int index)
    {
        ArgumentNullException.ThrowIfNull(font);
        if (font.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(font) != 0x74746366)
        {
            return font;
        }

        var count = BinaryPrimitives.ReadInt32BigEndian(font.AsSpan(8));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        var directory = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(12 + (4 * index)));
        int tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(directory + 4));
        var headerLength = 12 + (16 * tables);
        var output = new MemoryStream();
        output.Write(font, directory, headerLength);
        var header = output.GetBuffer();
        var position = Align(headerLength);
        var bodies = new List<(int Offset, int Length, int Target)>();
        for (var t = 0; t < tables; t++)
        {
            var record = directory + 12 + (16 * t);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8));
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 12));
            bodies.Add((offset, length, position));
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(12 + (16 * t) + 8), (uint)position);
            position = Align(position + length);
        }

        var result = new byte[position];
        Array.Copy(header, result, headerLength);
        foreach (var (offset, length, target) in bodies)
        {
            Array.Copy(font, offset, result, target, length);
        }

        return result;
    }

    private static int Align(int value) => (value + 3) & ~3;
}
