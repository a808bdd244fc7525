using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Scorecards;
using Xunit.Abstractions;

namespace AutoFinance.Credit.Tests.Quality;

public sealed class PublicDatasetQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void German_credit_scorecard_reaches_published_logistic_quality()
    {
        var loaded = DatasetLoader.LoadFile(SharedData.German, new DatasetOptions { Target = "creditability", BadValue = "bad" });
        var document = ScorecardTrainer.Train(loaded, new TrainingOptions { Folds = 0 }, TimeProvider.System);
        output.WriteLine(ModelJson.Serialize(document with { Characteristics = [] }));
        output.WriteLine(string.Join(", ", document.Characteristics.Select(c => $"{c.Name} {c.Iv:0.000} {c.Bins.Count}")));
        Assert.True(document.Validation!.Test.Auc > 0.76, $"test AUC {document.Validation.Test.Auc}");
    }

    [Fact]
    public void Hmeq_scorecard_separates_defaults()
    {
        var loaded = DatasetLoader.LoadFile(SharedData.Hmeq, new DatasetOptions { Target = "BAD" });
        var document = ScorecardTrainer.Train(loaded, new TrainingOptions { Folds = 0 }, TimeProvider.System);
        output.WriteLine(ModelJson.Serialize(document with { Characteristics = [] }));
        output.WriteLine(string.Join(", ", document.Characteristics.Select(c => $"{c.Name} {c.Iv:0.000} {c.Bins.Count}")));
        Assert.True(document.Validation!.Test.Auc > 0.85, $"test AUC {document.Validation.Test.Auc}");
    }
}
