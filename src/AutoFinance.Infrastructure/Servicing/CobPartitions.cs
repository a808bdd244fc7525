namespace AutoFinance.Infrastructure.Servicing;

/// <summary>How loans are spread over end-of-day partitions: a fixed number, by the loan id's random bits.</summary>
public static class CobPartitions
{
    public const int Count = 16;

    public static int Of(Guid loanId)
    {
        Span<byte> bytes = stackalloc byte[16];
        loanId.TryWriteBytes(bytes, bigEndian: true, out _);
        // The last bytes of a version-7 id are random, so partitions fill evenly.
        return bytes[15] % Count;
    }
}
