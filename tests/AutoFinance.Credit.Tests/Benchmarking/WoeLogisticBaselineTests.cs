using AutoFinance.Credit.Benchmarking;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Validation;

namespace AutoFinance.Credit.Tests.Benchmarking;

public sealed class WoeLogisticBaselineTests
{
    [Fact]
    public void Baseline_on_german_credit_separates_on_the_held_out_part()
    {
        var data = DatasetLoader.LoadFile(PublicData.German, new DatasetOptions { Target = "creditability", BadValue = "bad" }).Data;
        var (train, test) = Sampling.StratifiedSplit(data.Target, 0.3, 7);

        var pd = WoeLogisticBaseline.Fit(data.Select(train)).PredictPd(data.Select(test));

        Assert.Equal(300, pd.Length);
        Assert.All(pd, p => Assert.InRange(p, 0, 1));
        Assert.InRange(Metrics.Auc(pd, data.Select(test).Target), 0.72, 0.9);
    }

    [Fact]
    public void A_missing_value_never_seen_in_training_scores_as_neutral_woe()
    {
        var train = new CreditDataset([new NumericColumn("x", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])], [0, 0, 0, 0, 1, 0, 1, 1, 1, 1]);
        var baseline = WoeLogisticBaseline.Fit(train, bins: 2, l2Penalty: 0.1);
        var rows = new CreditDataset([new NumericColumn("x", [double.NaN, 1, 10])], [0, 0, 1]);

        var pd = baseline.PredictPd(rows);

        Assert.True(pd[1] < pd[0] && pd[0] < pd[2], "missing sits between the good and the bad bin");
    }

    [Fact]
    public void Mean_and_spread_are_the_mean_and_the_sample_standard_deviation()
    {
        var figure = MeanAndSpread.Of([0.70, 0.80, 0.75]);

        Assert.Equal(0.75, figure.Mean, 12);
        Assert.Equal(0.05, figure.StdDev, 12);
    }
}
