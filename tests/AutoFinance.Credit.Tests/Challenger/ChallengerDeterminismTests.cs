using AutoFinance.Credit.Challenger;

namespace AutoFinance.Credit.Tests.Challenger;

[Collection(ChallengerCollection.Name)]
public sealed class ChallengerDeterminismTests(ChallengerFixture fixture)
{
    [Fact]
    public void Training_again_with_the_same_seed_gives_identical_pd_and_record()
    {
        var first = fixture.German;

        var second = GbdtChallenger.Train(first.Train, new ChallengerOptions());

        Assert.Equal(first.Challenger.Model.PredictPd(first.Test), second.Model.PredictPd(first.Test));
        Assert.Equal(first.Challenger.Record.CalibrationA, second.Record.CalibrationA);
        Assert.Equal(first.Challenger.Record.CalibrationB, second.Record.CalibrationB);
        Assert.Equal(first.Challenger.Grid, second.Grid);
    }

    [Fact]
    public void Another_seed_grows_other_trees()
    {
        var trained = fixture.German;
        var quick = new ChallengerOptions { EarlyStoppingRounds = 0, TreeCounts = [100], LearningRates = [0.05], Folds = 3 };

        var one = GbdtChallenger.Train(trained.Train, quick).Model.PredictPd(trained.Test);
        var other = GbdtChallenger.Train(trained.Train, quick with { Seed = 7 }).Model.PredictPd(trained.Test);

        Assert.NotEqual(one, other);
    }
}
