using AutoFinance.Credit.Validation;
using Xunit.Abstractions;

namespace AutoFinance.Credit.Tests.Challenger;

[Collection(ChallengerCollection.Name)]
public sealed class ChallengerCalibrationTests(ChallengerFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void German_credit_mean_pd_on_the_test_part_is_within_four_points_of_the_bad_rate_and_brier_beats_the_base_rate()
    {
        // 300 test rows: the observed bad rate itself is uncertain by about 2.6 points (one standard error).
        Check(fixture.German, tolerance: 0.04, maxBrier: 0.18);
    }

    [SkippableFact]
    public void Hmeq_mean_pd_on_the_test_part_is_within_two_points_of_the_bad_rate_and_brier_is_low()
    {
        Check(fixture.Hmeq, tolerance: 0.02, maxBrier: 0.07);
    }

    private void Check(TrainedOnPublicData trained, double tolerance, double maxBrier)
    {
        var pd = trained.Challenger.Model.PredictPd(trained.Test);
        var badRate = (double)trained.Test.Bads / trained.Test.Rows;
        var brier = Metrics.Brier(pd, trained.Test.Target);
        var baseRateBrier = badRate * (1 - badRate);
        output.WriteLine($"{trained.Name}: mean pd {pd.Average():0.0000}, bad rate {badRate:0.0000}, Brier {brier:0.0000} (predicting the bad rate for everyone: {baseRateBrier:0.0000})");
        Assert.All(pd, p => Assert.InRange(p, 0.0, 1.0));
        Assert.InRange(pd.Average(), badRate - tolerance, badRate + tolerance);
        Assert.True(brier < maxBrier, $"Brier {brier}");
        Assert.True(brier < baseRateBrier, $"Brier {brier} against {baseRateBrier} for the bad rate alone");
        Assert.True(trained.Challenger.Record.CalibrationA > 0, "a higher raw score must mean a higher pd");
    }
}
