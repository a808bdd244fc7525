using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace AutoFinance.Insight.Churn;

/// <summary>The trained model and its out-of-time evaluation.</summary>
/// <param name="Model">The model.</param>
/// <param name="Cutoff">The date that splits training from evaluation.</param>
/// <param name="TrainRows">Observations trained on.</param>
/// <param name="Evaluation">Precision, recall, F1 and AUC on the later, held-out period.</param>
public sealed record ChurnTrainingResult(ChurnModel Model, DateOnly Cutoff, int TrainRows, BinaryMetrics Evaluation);

/// <summary>Trains the churn / early-payoff model (ML.NET FastTree, binary) on a time split.</summary>
/// <remarks>
/// Time split: the model trains on observations whose outcome was known before the cutoff — taken on a date
/// <c>AsOf</c> with <c>AsOf + horizon ≤ cutoff</c>, so no label looks past the cutoff — and is evaluated on the
/// observations taken on or after the cutoff, the way it will be used: fitted on the past, scoring the future.
/// One thread and a fixed seed make training deterministic. Probabilities are FastTree's Platt-calibrated output.
/// </remarks>
public static class ChurnTrainer
{
    /// <summary>Trains on the history before <paramref name="cutoff"/> and evaluates on the history from it.</summary>
    public static ChurnTrainingResult Train(IReadOnlyList<ChurnObservation> history, DateOnly cutoff, ChurnTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        options ??= new ChurnTrainingOptions();
        var train = history.Where(o => o.AsOf.AddMonths(options.HorizonMonths) <= cutoff).ToArray();
        var test = history.Where(o => o.AsOf >= cutoff).ToArray();
        if (train.Length == 0 || test.Length == 0 || train.All(o => !o.LeftWithinHorizon) || train.All(o => o.LeftWithinHorizon))
        {
            throw new ArgumentException("Both sides of the cutoff need observations, and training needs leavers and stayers.", nameof(cutoff));
        }

        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(train.Select(ChurnRow.From));
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(ChurnRow.Label),
            FeatureColumnName = nameof(ChurnRow.Features),
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinExamplesPerLeaf,
            LearningRate = options.LearningRate,
            NumberOfThreads = 1,
            Seed = options.Seed,
        });
        var fitted = trainer.Fit(data);
        var contributions = ml.Transforms
            .CalculateFeatureContribution(fitted, numberOfPositiveContributions: ChurnFeatures.Count, numberOfNegativeContributions: ChurnFeatures.Count, normalize: false)
            .Fit(fitted.Transform(data));
        var model = new ChurnModel(ml, fitted.Append(contributions), options.DecisionThreshold);
        var evaluation = BinaryMetrics.Compute(test.Select(o => o.LeftWithinHorizon).ToArray(), model.Predict(test), options.DecisionThreshold);
        return new ChurnTrainingResult(model, cutoff, train.Length, evaluation);
    }
}
