using AutoFinance.Infrastructure.Persistence;

namespace AutoFinance.Web.Tests.Servicing;

/// <summary>
/// A stored amount reads back as the very decimal the division by ten to the scale gives: the same value and the same
/// scale (trailing zeros dropped), so nothing printed or serialised from it changes.
/// </summary>
public sealed class ScaledDecimalConverterTests
{
    private static readonly decimal[] Powers = [1m, 10m, 100m, 1_000m, 10_000m, 100_000m, 1_000_000m, 10_000_000m, 100_000_000m];

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(8)]
    public void Reads_as_the_division_does(int scale)
    {
        var random = new Random(7);
        IEnumerable<long> Stored()
        {
            for (var v = -20_000L; v <= 20_000L; v++)
            {
                yield return v;
            }

            for (var i = 0; i < 200_000; i++)
            {
                yield return random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(0, 63);
            }

            yield return long.MaxValue;
            yield return long.MinValue;
            yield return long.MinValue + 1;
            yield return 1_000_000_000_000_000_000L;
            yield return -1_000_000_000_000_000_000L;
        }

        foreach (var stored in Stored())
        {
            Assert.Equal(decimal.GetBits(stored / Powers[scale]), decimal.GetBits(ScaledDecimalConverter.FromScaled(stored, scale)));
        }
    }
}
