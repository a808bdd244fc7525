using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Validation;
using Microsoft.ML;

namespace AutoFinance.Credit.Challenger;

/// <summary>
/// Trains the gradient-boosting challenger on a training sample: lays out the features, picks the learning rate, the
/// tree shape and (by early stopping) the number of trees by stratified cross-validation, under the monotone
/// constraints asked for, fits Platt scaling on the
/// out-of-fold raw scores, and grows the final booster on every training row.
/// </summary>
public static class GbdtChallenger
{
    public static TrainedChallenger Train(CreditDataset train, ChallengerOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        var bads = train.Bads;
        if (bads < options.Folds || train.Rows - bads < options.Folds)
        {
            throw new CreditDataException($"the training sample has {bads} bads and {train.Rows - bads} goods; {options.Folds}-fold cross-validation needs at least {options.Folds} of each");
        }

        var ml = new MLContext(options.Seed);
        var layout = FeatureLayout.Describe(train, options.CategoryEncoding);
        var features = FeatureEncoder.Encode(layout, train);
        var monotone = MonotoneConstraints.SlotVector(layout, options.Monotone);
        var search = ChallengerSearch.Run(ml, features, train.Target, layout.Width, options, monotone);
        var (a, b) = PlattScaling.Fit(search.OutOfFoldRaw, train.Target);
        var settings = BoosterSettings.From(options, search.FinalTrees, search.Chosen.LearningRate, search.Chosen.Shape, monotone);
        var booster = BoosterTrainer.Fit(ml, ChallengerRows.ToDataView(ml, features, train.Target, layout.Width), settings);
        var model = new ChallengerModel(ml, booster, layout, a, b);
        var record = new ChallengerRecord
        {
            File = options.ModelFile,
            Features = layout.Features,
            CalibrationA = a,
            CalibrationB = b,
            Trees = settings.Trees,
            Leaves = settings.Leaves,
            LearningRate = settings.LearningRate,
            MinExamplesPerLeaf = settings.MinExamplesPerLeaf,
            L2Regularization = settings.L2Regularization,
            FeatureFraction = settings.FeatureFraction,
            SubsampleFraction = settings.SubsampleFraction,
            Seed = settings.Seed,
            Monotone = monotone is null ? null : layout.Features
                .Select((f, i) => (f.Name, Slot: monotone[layout.Offsets[i]]))
                .Where(p => p.Slot != 0)
                .ToDictionary(p => p.Name, p => p.Slot > 0 ? MonotoneDirection.Increasing : MonotoneDirection.Decreasing, StringComparer.Ordinal),
            CrossValidation = search.CrossValidation,
            // In-sample figures of the final booster: optimistic by construction; the cross-validation is the honest one.
            Train = ValidationTables.Performance(model.PredictPd(train), train.Target),
        };
        return new TrainedChallenger(model, record, search.Grid);
    }
}
