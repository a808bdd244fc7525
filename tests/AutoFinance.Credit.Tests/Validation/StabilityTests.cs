using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Validation;

namespace AutoFinance.Credit.Tests.Validation;

public sealed class StabilityTests
{
    private static readonly Characteristic Term = new()
    {
        Name = "term",
        Description = "term",
        Kind = ColumnKind.Numeric,
        Coefficient = -1,
        Iv = 0.1,
        Trend = MonotonicTrend.Ascending,
        NeutralPoints = 20,
        Bins =
        [
            Bin(null, 36, goods: 45, bads: 5),
            Bin(36, 60, goods: 25, bads: 5),
            Bin(60, null, goods: 15, bads: 5),
        ],
    };

    [Fact]
    public void Each_bin_is_its_share_of_training_against_its_share_of_recent_rows_with_a_neutral_band_last()
    {
        // Ten recent rows: 3, 4 and 2 in the bins, 1 in none of them.
        BinMatch[] recent = [.. Rows(0, 3), .. Rows(1, 4), .. Rows(2, 2), .. Rows(BinMatch.Neutral, 1)];

        var shares = Stability.BinShares(Term, recent);

        Assert.Equal([0.5, 0.3, 0.2, 0.0], shares.Expected);
        Assert.Equal([0.3, 0.4, 0.2, 0.1], shares.Actual);
    }

    [Fact]
    public void The_csi_adds_each_bin_term_with_the_floor_under_the_empty_neutral_band()
    {
        BinMatch[] recent = [.. Rows(0, 3), .. Rows(1, 4), .. Rows(2, 2), .. Rows(BinMatch.Neutral, 1)];

        // (0.3 − 0.5) ln(0.3/0.5) + (0.4 − 0.3) ln(0.4/0.3) + 0 + (0.1 − 0.0001) ln(0.1/0.0001)
        // = 0.10217 + 0.02877 + 0.69008
        var shift = Stability.Csi(Term, recent);

        Assert.Equal(0.8210, shift.Csi, 4);
        Assert.Equal(0.1, shift.NeutralShare, 12);
        // Without the unseen value: 0.10217 + 0.02877 + (0.3 − 0.2) ln(0.3/0.2) = 0.17148.
        Assert.Equal(0.1715, Stability.Csi(Term, [.. Rows(0, 3), .. Rows(1, 4), .. Rows(2, 3)]).Csi, 4);
    }

    private static ScoredBin Bin(double? lower, double? upper, int goods, int bads) =>
        new() { Kind = BinKind.Range, Lower = lower, Upper = upper, Goods = goods, Bads = bads, Woe = 0, Iv = 0, Points = 10 };

    private static IEnumerable<BinMatch> Rows(int bin, int count) => Enumerable.Repeat(new BinMatch(bin, MatchNote.None), count);
}
