using AutoFinance.Credit.Binning;

namespace AutoFinance.Credit.Tests.Binning;

public sealed class ShapeTests
{
    /// <summary>Whether bad rates follow a shape strictly: monotonic, or exactly one turn for a peak or a valley.</summary>
    internal static bool Follows(MonotonicTrend trend, double[] rates)
    {
        var steps = rates.Zip(rates.Skip(1), (a, b) => Math.Sign(b - a)).ToArray();
        if (steps.Any(s => s == 0))
        {
            return false;
        }

        var (first, second) = trend switch
        {
            MonotonicTrend.Ascending => (1, 1),
            MonotonicTrend.Descending => (-1, -1),
            MonotonicTrend.Peak => (1, -1),
            MonotonicTrend.Valley => (-1, 1),
            _ => (0, 0),
        };
        var turn = Array.IndexOf(steps, second);
        if (first == second)
        {
            return steps.All(s => s == first);
        }

        return turn > 0 && steps[..turn].All(s => s == first) && steps[turn..].All(s => s == second);
    }

    private static (double[] Values, byte[] Target) UShaped(int rows, int seed)
    {
        // Risk is high for the youngest and the oldest: a valley of bad rate over the middle ages.
        var random = new Random(seed);
        var values = Enumerable.Range(0, rows).Select(_ => Math.Round(18 + (random.NextDouble() * 57))).ToArray();
        var target = values.Select(age => random.NextDouble() < 0.05 + (0.5 * Math.Pow((age - 46) / 28, 2)) ? (byte)1 : (byte)0).ToArray();
        return (values, target);
    }

    [Fact]
    public void A_u_shaped_risk_gets_a_valley_with_more_information_value_than_any_monotonic_grouping()
    {
        var (values, target) = UShaped(4000, 11);
        var column = new AutoFinance.Credit.Data.NumericColumn("age", values);

        var turned = Binner.BinColumn(column, target, new BinningOptions(), [], new HashSet<string>());
        var monotonic = Binner.BinColumn(column, target, new BinningOptions { ConsiderTurns = false }, [], new HashSet<string>());

        Assert.Equal(MonotonicTrend.Valley, turned.Trend);
        Assert.True(Follows(MonotonicTrend.Valley, [.. turned.Bins.Select(b => b.EventRate)]));
        Assert.True(turned.Bins.Sum(b => b.Iv) > 1.1 * monotonic.Bins.Sum(b => b.Iv));
    }

    [Fact]
    public void A_turn_too_weak_to_be_significant_is_smoothed_into_a_monotonic_grouping()
    {
        // A steady rise with noise: no real turn, so the significance and gain constraints keep it monotonic.
        var random = new Random(5);
        var values = Enumerable.Range(0, 3000).Select(_ => Math.Round(random.NextDouble() * 100)).ToArray();
        var target = values.Select(v => random.NextDouble() < 0.1 + (0.003 * v) ? (byte)1 : (byte)0).ToArray();

        var binning = Binner.BinColumn(new AutoFinance.Credit.Data.NumericColumn("x", values), target, new BinningOptions(), [], new HashSet<string>());

        Assert.Equal(MonotonicTrend.Ascending, binning.Trend);
    }

    [Fact]
    public void A_peak_can_be_asked_for_and_every_step_of_it_is_significant()
    {
        var (values, target) = UShaped(4000, 3);
        var flipped = target.Select(t => (byte)(1 - t)).ToArray();
        var options = new BinningOptions { Trend = MonotonicTrend.Peak };

        var binning = Binner.BinColumn(new AutoFinance.Credit.Data.NumericColumn("age", values), flipped, options, [], new HashSet<string>());

        Assert.Equal(MonotonicTrend.Peak, binning.Trend);
        var ranges = binning.Bins.Where(b => b.Kind == BinKind.Range).ToArray();
        Assert.True(Follows(MonotonicTrend.Peak, [.. ranges.Select(b => b.EventRate)]));
        foreach (var (left, right) in ranges.Zip(ranges.Skip(1)))
        {
            Assert.True(BadRateTest.PValue(left.Bads, left.Count, right.Bads, right.Count) <= options.TurnMaxPValue);
        }
    }

    [Theory]
    [InlineData(30, 100, 30, 100, 1.0)]
    [InlineData(10, 100, 30, 100, 0.000407)]
    [InlineData(0, 0, 5, 10, 1.0)]
    public void Two_proportion_test_p_values(int bads1, int count1, int bads2, int count2, double expected)
    {
        Assert.Equal(expected, BadRateTest.PValue(bads1, count1, bads2, count2), 5);
    }
}
