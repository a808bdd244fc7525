using AutoFinance.Credit.Binning;

namespace AutoFinance.Credit.Tests.Binning;

public sealed class WeightOfEvidenceTests
{
    // Hand-checked: 80 goods and 60 bads in three groups.
    // (40 g, 10 b): WoE = ln((40/80)/(10/60)) = ln 3 = 1.098612, IV = (0.5 - 1/6) x 1.098612 = 0.366204
    // (30 g, 20 b): WoE = ln(0.375/0.333333) = ln 1.125 = 0.117783, IV = 0.041667 x 0.117783 = 0.004908
    // (10 g, 30 b): WoE = ln(0.125/0.5) = ln 0.25 = -1.386294, IV = -0.375 x -1.386294 = 0.519860
    [Fact]
    public void Woe_and_iv_match_the_hand_computed_example()
    {
        var data = TestData.Grouped((1, 40, 10), (2, 30, 20), (3, 10, 30));
        var binning = Binner.BinColumn(data.Columns[0], data.Target, new BinningOptions { MaxBins = 3, MinBinShare = 0.01 }, [], new HashSet<string>());

        Assert.Equal(3, binning.Bins.Count);
        Assert.Equal([40, 30, 10], binning.Bins.Select(b => b.Goods));
        Assert.Equal([10, 20, 30], binning.Bins.Select(b => b.Bads));
        Assert.Equal(1.098612, binning.Bins[0].Woe, 6);
        Assert.Equal(0.117783, binning.Bins[1].Woe, 6);
        Assert.Equal(-1.386294, binning.Bins[2].Woe, 6);
        Assert.Equal(0.366204, binning.Bins[0].Iv, 6);
        Assert.Equal(0.004908, binning.Bins[1].Iv, 6);
        Assert.Equal(0.519860, binning.Bins[2].Iv, 6);
        Assert.Equal(0.890972, binning.Iv, 6);
        Assert.Equal(MonotonicTrend.Ascending, binning.Trend);
        Assert.Equal([null, 2.0, 3.0], binning.Bins.Select(b => b.Lower));
        Assert.Equal([2.0, 3.0, null], binning.Bins.Select(b => b.Upper));
    }

    [Fact]
    public void A_bin_without_bads_is_smoothed_by_half_a_count_on_both_sides()
    {
        // 10 goods, 0 bads of totals 80 / 60: WoE = ln((10.5/80) / (0.5/60)) = ln(15.75) = 2.756840
        var (woe, iv) = WeightOfEvidence.Of(10, 0, 80, 60, 0.5);

        Assert.Equal(2.756840, woe, 6);
        Assert.Equal(((10.5 / 80) - (0.5 / 60)) * 2.756840, iv, 5);
        Assert.True(double.IsFinite(woe));
    }

    [Fact]
    public void Missing_values_get_their_own_bin_with_their_own_woe()
    {
        var values = new double[] { 1, 1, 1, 1, 2, 2, 2, 2, double.NaN, double.NaN };
        var target = new byte[] { 0, 0, 0, 1, 0, 1, 1, 0, 1, 1 };
        var column = new Credit.Data.NumericColumn("x", values);
        var binning = Binner.BinColumn(column, target, new BinningOptions { MinBinShare = 0.1 }, [], new HashSet<string>());

        var missing = Assert.Single(binning.Bins, b => b.Kind == BinKind.Missing);
        Assert.Equal(0, missing.Goods);
        Assert.Equal(2, missing.Bads);
        Assert.True(missing.Woe < 0);
        Assert.Equal(10, binning.Bins.Sum(b => b.Count));
    }

    [Fact]
    public void Special_values_are_kept_out_of_the_ranges()
    {
        var values = Enumerable.Range(0, 200).Select(i => i % 10 == 0 ? -999.0 : i).ToArray();
        var target = values.Select((v, i) => (byte)(v == -999 || i % 3 == 0 ? 1 : 0)).ToArray();
        var binning = Binner.BinColumn(new Credit.Data.NumericColumn("x", values), target, new BinningOptions(), [-999], new HashSet<string>());

        var special = Assert.Single(binning.Bins, b => b.Kind == BinKind.Special);
        Assert.Equal(-999, special.SpecialValue);
        Assert.Equal(20, special.Count);
        Assert.Equal(1, binning.Min);
        Assert.DoesNotContain(binning.Bins, b => b.Kind == BinKind.Range && b.Lower is < 0);
    }
}
