using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// Stores a decimal with a fixed number of decimal places as an integer (cents for money), so SQLite, which has no
/// decimal type, keeps amounts exact and can sum and compare them. A value with more places than the column
/// allows is refused rather than silently rounded.
/// </summary>
public sealed class ScaledDecimalConverter(int scale) : ValueConverter<decimal, long>(
    value => ToScaled(value, scale),
    stored => FromScaled(stored, scale))
{
    private static readonly decimal[] Powers = [1m, 10m, 100m, 1_000m, 10_000m, 100_000m, 1_000_000m, 10_000_000m, 100_000_000m];

    public static long ToScaled(decimal value, int scale)
    {
        var scaled = value * Powers[scale];
        if (scaled != decimal.Truncate(scaled))
        {
            throw new InvalidOperationException($"{value} has more than {scale} decimal places and cannot be stored exactly");
        }

        return checked((long)scaled);
    }

    /// <summary>
    /// The stored integer over ten to the scale, as the decimal division gives it (trailing zeros dropped, so 150 at
    /// scale 2 is 1.5, not 1.50), built from its digits: a division costs several times more, and a page of instalments
    /// reads millions of these.
    /// </summary>
    public static decimal FromScaled(long stored, int scale)
    {
        var negative = stored < 0;
        var magnitude = negative ? (ulong)(-(stored + 1)) + 1UL : (ulong)stored;
        while (scale > 0 && magnitude % 10 == 0)
        {
            magnitude /= 10;
            scale--;
        }

        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, (byte)scale);
    }
}
