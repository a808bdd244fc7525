using AutoFinance.Credit.Data;
using AutoFinance.Credit.Scorecards;
using Xunit.Abstractions;

namespace AutoFinance.Credit.Tests.Quality;

/// <summary>
/// Full-dataset quality on each public dataset: stratified 70/30 split with seed 42, the scorecard on the held-out
/// part, against published figures (German credit: logistic regression about 0.78 AUC, best ensembles about 0.80,
/// Lessmann et al. 2015). The challenger's own quality tests are in the Challenger folder.
/// </summary>
public sealed class PublicDatasetQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void German_credit_scorecard_reaches_the_published_logistic_quality()
    {
        var loaded = DatasetLoader.LoadFile(PublicData.German, new DatasetOptions { Target = "creditability", BadValue = "bad" });

        var document = ScorecardTrainer.Train(loaded, new TrainingOptions { Folds = 5 }, TimeProvider.System).Document;

        var test = document.Validation!.Test;
        output.WriteLine($"German credit scorecard: test AUC {test.Auc:0.0000}, KS {test.Ks:0.0000}, Brier {test.Brier:0.0000}; 5-fold CV AUC {document.Validation.CrossValidation!.AucMean:0.0000}; {document.Characteristics.Count} characteristics");
        Assert.Equal(300, test.Rows);
        Assert.True(test.Auc >= 0.78, $"test AUC {test.Auc}");
        Assert.True(test.Ks >= 0.40, $"test KS {test.Ks}");
        Assert.True(document.Validation.CrossValidation.AucMean >= 0.74, $"CV AUC {document.Validation.CrossValidation.AucMean}");
    }

    [SkippableFact]
    public void Hmeq_scorecard_separates_defaults_with_missing_values_in_their_own_bins()
    {
        var loaded = DatasetLoader.LoadFile(PublicData.Hmeq, new DatasetOptions { Target = "BAD" });

        var document = ScorecardTrainer.Train(loaded, new TrainingOptions { Folds = 0 }, TimeProvider.System).Document;

        var test = document.Validation!.Test;
        output.WriteLine($"HMEQ scorecard: test AUC {test.Auc:0.0000}, KS {test.Ks:0.0000}, Brier {test.Brier:0.0000}");
        Assert.True(test.Auc >= 0.88, $"test AUC {test.Auc}");
        var debtToIncome = document.Characteristics.Single(c => c.Name == "DEBTINC");
        var missing = debtToIncome.Bins.Single(b => b.Kind == Credit.Binning.BinKind.Missing);
        Assert.True(missing.Woe < -1, "a missing debt-to-income is strongly adverse in HMEQ");
    }
}
