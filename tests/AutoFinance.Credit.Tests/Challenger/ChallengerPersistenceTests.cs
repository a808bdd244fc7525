using System.Text.Json;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Challenger;
using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Tests.Challenger;

[Collection(ChallengerCollection.Name)]
public sealed class ChallengerPersistenceTests(ChallengerFixture fixture)
{
    [Fact]
    public void German_credit_model_saved_and_loaded_with_its_json_record_gives_identical_pd_for_every_test_row()
    {
        RoundTrip(fixture.German);
    }

    [SkippableFact]
    public void Hmeq_model_saved_and_loaded_with_its_json_record_gives_identical_pd_for_every_test_row()
    {
        RoundTrip(fixture.Hmeq);
    }

    [Fact]
    public void The_record_names_the_model_file_and_keeps_the_hyperparameters_and_cross_validation()
    {
        var record = fixture.German.Challenger.Record;
        var options = new ChallengerOptions();
        Assert.Equal(options.ModelFile, record.File);
        Assert.InRange(record.Trees, 1, options.MaxTrees);
        Assert.Contains(record.LearningRate, options.LearningRates);
        Assert.Contains(new TreeShape(record.Leaves, record.MinExamplesPerLeaf, record.L2Regularization), options.ShapesFor(fixture.German.Train.Rows));
        Assert.Equal(options.Seed, record.Seed);
        Assert.Equal(options.Folds, record.CrossValidation!.Folds);
        Assert.Equal(options.ShapesFor(fixture.German.Train.Rows).Count * options.LearningRates.Count, fixture.German.Challenger.Grid.Count);
        Assert.Equal(fixture.German.Challenger.Grid.Max(g => g.CvAuc), record.CrossValidation.AucMean);
        Assert.Equal(fixture.German.Train.Rows, record.Train!.Rows);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused_with_a_data_error()
    {
        using var garbage = new MemoryStream([1, 2, 3, 4, 5]);
        var error = Assert.Throws<CreditDataException>(() => ChallengerModel.Load(fixture.German.Challenger.Record, garbage));
        Assert.Contains("challenger.zip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_that_does_not_describe_the_saved_model_is_refused()
    {
        using var zip = new MemoryStream();
        fixture.German.Challenger.SaveModel(zip);
        zip.Position = 0;
        var record = fixture.German.Challenger.Record;
        var shorter = record with { Features = record.Features.Skip(1).ToArray() };
        var error = Assert.Throws<CreditDataException>(() => ChallengerModel.Load(shorter, zip));
        Assert.Contains("inputs", error.Message, StringComparison.Ordinal);
    }

    private static void RoundTrip(TrainedOnPublicData trained)
    {
        using var zip = new MemoryStream();
        trained.Challenger.SaveModel(zip);
        var json = JsonSerializer.Serialize(trained.Challenger.Record, ModelJson.Options);
        var record = JsonSerializer.Deserialize<ChallengerRecord>(json, ModelJson.Options)!;
        using var reread = new MemoryStream(zip.ToArray());

        var loaded = ChallengerModel.Load(record, reread);

        Assert.Equal(trained.Challenger.Model.PredictPd(trained.Test), loaded.PredictPd(trained.Test));
        Assert.Equal(trained.Challenger.Model.Explain(trained.Test, 0), loaded.Explain(trained.Test, 0));
    }
}
