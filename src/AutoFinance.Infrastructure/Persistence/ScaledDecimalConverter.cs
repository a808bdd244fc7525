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

    public static decimal FromScaled(long stored, int scale) => stored / Powers[scale];
}
