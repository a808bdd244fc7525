using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Data;
using CsCheck;

namespace AutoFinance.Credit.Tests.Binning;

public sealed class OptimalBinningTests
{
    private static readonly Gen<(double[] Values, byte[] Target)> Samples =
        Gen.Select(Gen.Int[200, 2000], Gen.Double[-0.5, 0.5], Gen.Int).Select(p =>
        {
            var (n, slope, seed) = p;
            var random = new Random(seed);
            var values = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 100)).ToArray();
            var target = values.Select(v => random.NextDouble() < 0.1 + (0.8 * Math.Clamp(0.5 + (slope * (v - 50) / 50), 0, 1)) ? (byte)1 : (byte)0).ToArray();
            return (values, target);
        });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Numeric_bins_follow_their_trend_strictly_and_respect_every_constraint(bool considerTurns)
    {
        var options = new BinningOptions { MaxBins = 5, MinBinShare = 0.05, ConsiderTurns = considerTurns };
        Samples.Sample(sample =>
        {
            var (values, target) = sample;
            if (target.All(t => t == 0) || target.All(t => t == 1))
            {
                return;
            }

            var binning = Binner.BinColumn(new NumericColumn("x", values), target, options, [], new HashSet<string>());
            var ranges = binning.Bins.Where(b => b.Kind == BinKind.Range).ToArray();
            Assert.InRange(ranges.Length, 1, 5);
            Assert.Equal(values.Length, binning.Bins.Sum(b => b.Count));
            if (ranges.Length > 1)
            {
                var rates = ranges.Select(b => b.EventRate).ToArray();
                Assert.True(ShapeTests.Follows(binning.Trend, rates), $"{binning.Trend}: {string.Join(", ", rates)}");
                Assert.True(considerTurns || binning.Trend is MonotonicTrend.Ascending or MonotonicTrend.Descending);
                Assert.All(ranges, b => Assert.True(b.Count >= Math.Ceiling(0.05 * values.Length) && b.Goods >= 1 && b.Bads >= 1));
            }

            for (var i = 1; i < ranges.Length; i++)
            {
                Assert.Equal(ranges[i - 1].Upper, ranges[i].Lower);
            }
        }, iter: 200);
    }

    [Fact]
    public void Dynamic_programme_finds_the_same_optimum_as_trying_every_partition()
    {
        var atoms = Gen.Int[1, 60].Select(Gen.Int[1, 60]).Array[2, 8];
        atoms.Sample(pairs =>
        {
            var goods = pairs.Select(p => p.Item1).ToArray();
            var bads = pairs.Select(p => p.Item2).ToArray();
            int totalGoods = goods.Sum(), totalBads = bads.Sum();
            var constraints = new OptimalPartitioner.Constraints(MinCount: (totalGoods + totalBads) / 10, MinGoods: 1, MinBads: 1, MaxBins: 4, Smoothing: 0.5);
            foreach (var ascending in new[] { true, false })
            {
                var (bins, iv) = OptimalPartitioner.Solve(goods, bads, totalGoods, totalBads, constraints, ascending);
                var best = BruteForce(goods, bads, totalGoods, totalBads, constraints, ascending);
                if (double.IsNaN(best))
                {
                    Assert.Single(bins);
                }
                else
                {
                    Assert.Equal(best, iv, 9);
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void Categories_are_grouped_by_bad_rate_with_rare_ones_pooled()
    {
        var levels = new[] { "a", "b", "c", "rare1", "rare2" };
        var codes = new List<int>();
        var target = new List<byte>();
        void Add(int code, int goods, int bads)
        {
            codes.AddRange(Enumerable.Repeat(code, goods + bads));
            target.AddRange(Enumerable.Repeat((byte)0, goods).Concat(Enumerable.Repeat((byte)1, bads)));
        }

        Add(0, 300, 30);
        Add(1, 200, 100);
        Add(2, 100, 200);
        Add(3, 3, 1);
        Add(4, 2, 2);
        var binning = Binner.BinColumn(new CategoricalColumn("kind", [.. codes], levels), [.. target], new BinningOptions { RareCategoryShare = 0.01 }, [], new HashSet<string>());

        var rates = binning.Bins.Select(b => b.EventRate).ToArray();
        Assert.True(rates.Zip(rates.Skip(1)).All(p => p.First < p.Second));
        Assert.Contains(binning.Bins, b => b.Categories.Contains("rare1") && b.Categories.Contains("rare2"));
        Assert.Equal(codes.Count, binning.Bins.Sum(b => b.Count));
    }

    private static double BruteForce(int[] goods, int[] bads, int totalGoods, int totalBads, OptimalPartitioner.Constraints c, bool ascending)
    {
        var m = goods.Length;
        var best = double.NaN;
        for (var mask = 0; mask < 1 << (m - 1); mask++)
        {
            var bins = new List<(int G, int B)>();
            int g = 0, b = 0;
            for (var i = 0; i < m; i++)
            {
                g += goods[i];
                b += bads[i];
                if (i == m - 1 || (mask & (1 << i)) != 0)
                {
                    bins.Add((g, b));
                    g = b = 0;
                }
            }

            if (bins.Count > c.MaxBins || bins.Any(x => x.G + x.B < c.MinCount || x.G < c.MinGoods || x.B < c.MinBads))
            {
                continue;
            }

            var rates = bins.Select(x => (double)x.B / (x.G + x.B)).ToArray();
            if (!rates.Zip(rates.Skip(1)).All(p => ascending ? p.First < p.Second : p.First > p.Second))
            {
                continue;
            }

            var iv = bins.Sum(x => WeightOfEvidence.Of(x.G, x.B, totalGoods, totalBads, c.Smoothing).Iv);
            if (double.IsNaN(best) || iv > best)
            {
                best = iv;
            }
        }

        return best;
    }
}
