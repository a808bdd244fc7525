using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Scorecards;

namespace AutoFinance.Credit.Tests.Scorecards;

public sealed class ScorecardTuningTests
{
    private static LoadedDataset German() =>
        DatasetLoader.LoadFile(PublicData.German, new DatasetOptions { Target = "creditability", BadValue = "bad" });

    [Fact]
    public void Cross_validated_penalty_threshold_and_classing_are_the_same_for_the_same_seed_and_are_the_ones_fitted()
    {
        var loaded = German();
        var options = new TrainingOptions { Folds = 0, Seed = 9, Target = new("creditability", "bad") };

        var first = ScorecardTrainer.Train(loaded, options, TimeProvider.System).Document;
        var second = ScorecardTrainer.Train(loaded, options, TimeProvider.System).Document;

        var tuning = first.Training.Tuning!;
        Assert.Equal(tuning.Grid, second.Training.Tuning!.Grid);
        Assert.Equal(tuning.Chosen, second.Training.Tuning.Chosen);
        Assert.Equal(3 * 2 * 2, tuning.Grid.Count);
        var chosen = tuning.Grid[tuning.Chosen];
        Assert.Equal(tuning.Grid.Max(p => p.CvAuc), chosen.CvAuc);
        Assert.Equal(chosen.L2Penalty, first.Training.L2Penalty);
        Assert.Equal(chosen.MinIv, first.Training.Selection.MinIv);
        Assert.Equal(chosen.Classing == "fine" ? 10 : 6, first.Training.Binning.MaxBins);
        Assert.Equal(first.Characteristics.Select(c => c.Coefficient), second.Characteristics.Select(c => c.Coefficient));
    }

    [Fact]
    public void Without_a_grid_the_options_are_fitted_as_given()
    {
        var options = new TrainingOptions { Folds = 0, Tuning = null, L2Penalty = 2.5, Target = new("creditability", "bad") };

        var document = ScorecardTrainer.Train(German(), options, TimeProvider.System).Document;

        Assert.Null(document.Training.Tuning);
        Assert.Equal(2.5, document.Training.L2Penalty);
    }

    [Fact]
    public void Each_special_code_gets_a_bin_of_its_own_and_missing_keeps_its_own()
    {
        var random = new Random(4);
        var values = Enumerable.Range(0, 2000).Select(i => (i % 10) switch
        {
            0 => -1,
            1 => 96,
            2 => 98,
            3 => double.NaN,
            _ => Math.Round(random.NextDouble() * 50),
        }).ToArray();
        var target = values.Select(v => (byte)(random.NextDouble() < (v is 96 ? 0.6 : double.IsNaN(v) ? 0.4 : 0.15) ? 1 : 0)).ToArray();

        var binning = Binner.BinColumn(new NumericColumn("months_at_address", values), target, new BinningOptions(), [-1, 96, 98], new HashSet<string>());

        var specials = binning.Bins.Where(b => b.Kind == BinKind.Special).ToArray();
        Assert.Equal([-1.0, 96, 98], specials.Select(b => b.SpecialValue!.Value));
        Assert.All(specials, b => Assert.Equal(200, b.Count));
        Assert.Equal(200, Assert.Single(binning.Bins, b => b.Kind == BinKind.Missing).Count);
        Assert.All(binning.Bins.Where(b => b.Kind == BinKind.Range), b => Assert.True(b.Lower is null or >= 0 && b.Upper is null or <= 50));
        Assert.True(specials[1].Woe < specials[0].Woe, "the risky code 96 has the lowest weight of evidence");
    }
}
