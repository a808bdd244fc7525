using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace AutoFinance.Credit.Challenger;

/// <summary>
/// Fits one LightGBM binary booster. One thread, a fixed seed, forced column-wise histograms and LightGBM's
/// deterministic mode make the same data and settings give the same trees on every run. Missing values (NaN) are
/// routed by LightGBM itself; the one-hot slots are plain numbers, so LightGBM's own categorical splits are off.
/// ML.NET attaches an in-sample Platt calibrator to the booster; the challenger ignores it and uses the raw score.
/// </summary>
internal static class BoosterTrainer
{
    public static BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> Fit(
        MLContext ml, IDataView data, BoosterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(settings);
        return Trainer(ml, Options(settings), settings).Fit(data);
    }

    /// <summary>
    /// Grows trees until the held-out AUC has not improved for <paramref name="patience"/> rounds; the booster keeps
    /// the trees up to its best round (ML.NET saves LightGBM's best iteration).
    /// </summary>
    public static BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> FitWithEarlyStopping(
        MLContext ml, IDataView data, IDataView validation, BoosterSettings settings, int patience)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(settings);
        var options = Options(settings);
        options.EarlyStoppingRound = patience;
        options.EvaluationMetric = LightGbmBinaryTrainer.Options.EvaluateMetricType.AreaUnderCurve;
        return Trainer(ml, options, settings).Fit(data, validation);
    }

    /// <summary>The number of trees a fitted booster holds.</summary>
    public static int TreeCount(BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> booster) =>
        booster.Model.SubModel.TrainedTreeEnsemble.Trees.Count;

    private static LightGbmBinaryTrainer Trainer(MLContext ml, LightGbmBinaryTrainer.Options options, BoosterSettings settings)
    {
        var trainer = ml.BinaryClassification.Trainers.LightGbm(options);
        if (settings.Monotone is { } monotone)
        {
            MonotoneConstraints.Apply(trainer, monotone);
        }

        return trainer;
    }

    private static LightGbmBinaryTrainer.Options Options(BoosterSettings settings)
    {
        var options = new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = ChallengerRows.Label,
            FeatureColumnName = ChallengerRows.Features,
            NumberOfIterations = settings.Trees,
            LearningRate = settings.LearningRate,
            NumberOfLeaves = settings.Leaves,
            MinimumExampleCountPerLeaf = settings.MinExamplesPerLeaf,
            UseCategoricalSplit = false,
            HandleMissingValue = true,
            UseZeroAsMissingValue = false,
            Seed = settings.Seed,
            NumberOfThreads = 1,
            Deterministic = true,
            ForceColumnWise = true,
            Silent = true,
            Verbose = false,
            Booster = new GradientBooster.Options
            {
                L2Regularization = settings.L2Regularization,
                FeatureFraction = settings.FeatureFraction,
                SubsampleFraction = settings.SubsampleFraction,
                SubsampleFrequency = settings.SubsampleFraction < 1 ? 1 : 0,
            },
        };
        return options;
    }
}
