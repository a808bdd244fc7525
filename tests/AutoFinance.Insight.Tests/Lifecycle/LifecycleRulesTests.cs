using AutoFinance.Insight.Lifecycle;

namespace AutoFinance.Insight.Tests.Lifecycle;

public sealed class LifecycleRulesTests
{
    [Theory]
    [InlineData(null, 0, 0, 0, null, LifecycleStage.New)]        // no loan yet
    [InlineData(3, 1, 0, 0, 3, LifecycleStage.New)]              // first loan 3 months ago
    [InlineData(6, 1, 0, 0, 6, LifecycleStage.Growing)]          // boundary: 6 months is no longer new
    [InlineData(18, 1, 0, 1, 18, LifecycleStage.Growing)]        // young relationship
    [InlineData(40, 1, 0, 1, 40, LifecycleStage.Mature)]         // established, one loan
    [InlineData(40, 1, 1, 1, 5, LifecycleStage.Growing)]         // repeat loan 5 months ago
    [InlineData(40, 1, 1, 1, 12, LifecycleStage.Mature)]         // boundary: repeat loan 12 months ago
    [InlineData(40, 0, 1, 2, 40, LifecycleStage.Mature)]         // just repaid, still in touch
    [InlineData(40, 0, 1, 6, 40, LifecycleStage.Dormant)]        // boundary: 6 quiet months
    [InlineData(60, 0, 2, 23, 50, LifecycleStage.Dormant)]
    [InlineData(60, 0, 2, 24, 50, LifecycleStage.Lost)]          // boundary: 24 quiet months
    public void Stage_follows_the_documented_rules(int? firstLoan, int active, int closed, int quiet, int? latestLoan, LifecycleStage expected)
    {
        var stage = new LifecycleRules().Classify(new LifecycleFacts(firstLoan, active, closed, quiet, latestLoan));
        Assert.Equal(expected, stage);
    }
}
