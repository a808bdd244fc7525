using AutoFinance.Credit.Validation;
using Xunit.Abstractions;

namespace AutoFinance.Credit.Tests.Challenger;

[Collection(ChallengerCollection.Name)]
public sealed class ChallengerQualityTests(ChallengerFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void German_credit_challenger_reaches_a_test_auc_of_at_least_0_76()
    {
        var test = Report(fixture.German);
        Assert.True(test >= 0.76, $"German credit test AUC {test:0.0000}");
    }

    [SkippableFact]
    public void Hmeq_challenger_reaches_a_test_auc_of_at_least_0_93()
    {
        var test = Report(fixture.Hmeq);
        Assert.True(test >= 0.93, $"HMEQ test AUC {test:0.0000}");
    }

    private double Report(TrainedOnPublicData trained)
    {
        var record = trained.Challenger.Record;
        var pd = trained.Challenger.Model.PredictPd(trained.Test);
        var test = ValidationTables.Performance(pd, trained.Test.Target);
        var train = record.Train!;
        var cv = record.CrossValidation!;
        output.WriteLine($"{trained.Name}: {trained.Train.Rows} training rows, {trained.Test.Rows} test rows, {record.Features.Count} inputs, trained in {trained.TrainingTime.TotalSeconds:0.00} s");
        output.WriteLine($"chosen: {record.Trees} trees, learning rate {record.LearningRate}, {record.Leaves} leaves, min {record.MinExamplesPerLeaf} per leaf, L2 {record.L2Regularization}, feature fraction {record.FeatureFraction}, subsample {record.SubsampleFraction}");
        output.WriteLine($"calibration: A {record.CalibrationA:0.0000}, B {record.CalibrationB:0.0000}");
        foreach (var point in trained.Challenger.Grid)
        {
            output.WriteLine($"  grid {point.Trees,4} trees, rate {point.LearningRate:0.000}, {point.Shape.Leaves} leaves, min {point.Shape.MinExamplesPerLeaf}, L2 {point.Shape.L2Regularization}: CV AUC {point.CvAuc:0.0000} ± {point.CvAucStdDev:0.0000}");
        }

        output.WriteLine($"CV    AUC {cv.AucMean:0.0000} ± {cv.AucStdDev:0.0000}  KS {cv.KsMean:0.0000}");
        output.WriteLine($"train AUC {train.Auc:0.0000}  KS {train.Ks:0.0000}  Brier {train.Brier:0.0000}");
        output.WriteLine($"test  AUC {test.Auc:0.0000}  KS {test.Ks:0.0000}  Brier {test.Brier:0.0000}  mean pd {pd.Average():0.0000} vs bad rate {(double)trained.Test.Bads / trained.Test.Rows:0.0000}");
        return test.Auc;
    }
}
