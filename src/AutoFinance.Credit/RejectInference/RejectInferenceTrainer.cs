using AutoFinance.Credit.Data;
using AutoFinance.Credit.Scorecards;
using AutoFinance.Credit.Validation;

namespace AutoFinance.Credit.RejectInference;

/// <summary>
/// Training with the rejects' applications: a scorecard fitted on the accepts' training part (penalty, threshold and
/// classing chosen by cross-validation as usual) gives every reject a pd; the rejects get outcomes from it by
/// parcelling or fuzzy augmentation; and the models are fitted again on the accepts' training part with the rejects,
/// with the choices the accepts-only run made (cross-validating on replicated rows would see a row's copies on both
/// sides of a fold). Both are measured on the same held-out accepts.
/// </summary>
public static class RejectInferenceTrainer
{
    public static TrainingResult Train(LoadedDataset accepts, CreditDataset rejects, TrainingOptions options, RejectInferenceOptions inference, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(accepts);
        ArgumentNullException.ThrowIfNull(rejects);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(inference);
        if (rejects.Rows == 0)
        {
            throw new CreditDataException("the rejects file has no rows");
        }

        var (trainRows, testRows) = Sampling.StratifiedSplit(accepts.Data.Target, options.TestFraction, options.Seed);
        var train = accepts.Data.Select(trainRows);
        var test = accepts.Data.Select(testRows);
        var acceptsOnlyOptions = options with { Challenger = null, GbdtChampion = false, Ebm = null, EbmChampion = false, Folds = 0 };
        var acceptsOnly = ScorecardTrainer.Train(accepts, train, test, acceptsOnlyOptions, time).Document;
        var card = Scorecard.From(acceptsOnly);
        var augmented = RejectAugmentation.Augment(train, DatasetScorer.Score(card, train).Pd, rejects, DatasetScorer.Score(card, rejects).Pd, inference);

        var chosen = acceptsOnly.Training;
        var refit = options with
        {
            Binning = chosen.Binning,
            Selection = options.Selection with { MinIv = chosen.Selection.MinIv },
            L2Penalty = chosen.L2Penalty,
            Tuning = null,
            Folds = 0,
        };
        var result = ScorecardTrainer.Train(accepts, augmented, test, refit, time);
        var copies = augmented.Rows / (train.Rows + rejects.Rows);
        var record = new RejectInferenceRecord
        {
            Method = inference.Method,
            Uplift = inference.Uplift,
            Rejects = rejects.Rows,
            RejectsBadRate = (double)(augmented.Bads - (train.Bads * copies)) / (rejects.Rows * copies),
            AcceptsBadRate = (double)train.Bads / train.Rows,
            AcceptsOnlyTest = acceptsOnly.Validation!.Test,
        };
        var document = result.Document with
        {
            RejectInference = record,
            Training = result.Document.Training with { Tuning = chosen.Tuning },
        };
        return result with { Document = document };
    }
}
