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
        return ml.BinaryClassification.Trainers.LightGbm(options).Fit(data);
    }
}
