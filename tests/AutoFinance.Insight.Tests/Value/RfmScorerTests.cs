using AutoFinance.Insight.Value;

namespace AutoFinance.Insight.Tests.Value;

public sealed class RfmScorerTests
{
    [Fact]
    public void Ten_distinct_values_fill_the_quintiles_two_by_two()
    {
        var scores = RfmScorer.Quintiles([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
        Assert.Equal([5, 5, 4, 4, 3, 3, 2, 2, 1, 1], scores);
    }

    [Fact]
    public void Ties_share_the_lower_score_of_their_group()
    {
        // Sorted 50, 100, 200, 200, 300: strictly smaller counts 0, 1, 2, 2, 4 → 1 + ⌊5w/5⌋.
        Assert.Equal([2, 3, 3, 5, 1], RfmScorer.Quintiles([100, 200, 200, 300, 50]));
        Assert.Equal([1, 1, 1], RfmScorer.Quintiles([7, 7, 7]));
    }

    [Fact]
    public void Recent_frequent_valuable_customers_score_highest()
    {
        RfmInput[] customers =
        [
            new("best", 3, 40, 500_000m),
            new("good", 20, 30, 300_000m),
            new("mid", 60, 20, 200_000m),
            new("weak", 200, 10, 100_000m),
            new("gone", 700, 2, 50_000m),
        ];
        var scores = RfmScorer.Score(customers);
        Assert.Equal("555", scores[0].Code);
        Assert.Equal(15, scores[0].Total);
        Assert.Equal("444", scores[1].Code);
        Assert.Equal("111", scores[4].Code);
    }
}
