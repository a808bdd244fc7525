using AutoFinance.Credit.Challenger;

namespace AutoFinance.Credit.Tests.Challenger;

[Collection(ChallengerCollection.Name)]
public sealed class ChallengerSearchTests(ChallengerFixture fixture)
{
    [Fact]
    public void A_small_sample_searches_small_penalised_trees_and_each_fold_stops_growing_when_its_held_out_auc_stalls()
    {
        var options = new ChallengerOptions();
        var trained = fixture.German;
        Assert.True(trained.Train.Rows < options.SmallDataRows);

        var grid = trained.Challenger.Grid;

        Assert.Equal(options.SmallDataShapes.Count * options.LearningRates.Count, grid.Count);
        Assert.All(options.SmallDataShapes, shape => Assert.Contains(grid, point => point.Shape == shape));
        Assert.All(grid, point => Assert.InRange(point.Trees, 1, options.MaxTrees - options.EarlyStoppingRounds));
        var record = trained.Challenger.Record;
        Assert.Contains(new TreeShape(record.Leaves, record.MinExamplesPerLeaf, record.L2Regularization), options.SmallDataShapes);
        Assert.Equal(grid.Max(point => point.CvAuc), record.CrossValidation!.AucMean);
    }

    [Fact]
    public void A_sample_of_two_thousand_rows_or_more_grows_the_configured_shape()
    {
        var options = new ChallengerOptions { Leaves = 32, MinExamplesPerLeaf = 25, L2Regularization = 2 };

        Assert.Equal([new TreeShape(32, 25, 2)], options.ShapesFor(2000));
        Assert.Equal(options.SmallDataShapes, options.ShapesFor(1999));
    }

    [Fact]
    public void Without_early_stopping_the_number_of_trees_comes_from_the_grid()
    {
        var options = new ChallengerOptions { EarlyStoppingRounds = 0, TreeCounts = [30, 60], LearningRates = [0.1], Folds = 3, SmallDataShapes = [new(8, 20, 1)] };

        var trained = GbdtChallenger.Train(fixture.German.Train, options);

        Assert.Equal([30, 60], trained.Grid.Select(point => point.Trees).Order());
        Assert.Contains(trained.Record.Trees, options.TreeCounts);
    }

    [Fact]
    public void Options_out_of_range_are_named()
    {
        var problems = new ChallengerOptions { EarlyStoppingRounds = -1, MaxTrees = 0, SmallDataShapes = [new(1, 0, -1)] }.Problems().ToArray();

        Assert.Contains(problems, p => p.Contains("early stopping", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("max trees", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("small-data shapes", StringComparison.Ordinal));
    }
}
