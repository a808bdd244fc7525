using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Validation;

namespace AutoFinance.Credit.Scorecards;

/// <summary>
/// Chooses the scorecard's penalty, selection threshold and classing by stratified k-fold cross-validation of the
/// whole fit on the training part: the candidate with the highest mean fold AUC wins, a tie going to the earlier
/// (simpler) candidate. The folds come from the run's seed, so the same seed always chooses the same.
/// </summary>
public static class ScorecardTuning
{
    public static (TrainingOptions Chosen, TuningRecord Record) Choose(
        CreditDataset train, TrainingOptions options, IReadOnlyList<double> specialNumbers, IReadOnlySet<string> specialCategories)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var tuning = options.Tuning ?? throw new ArgumentException("no tuning grid", nameof(options));
        var candidates = Candidates(options, tuning).ToArray();
        var cv = options with { Folds = tuning.Folds };
        var points = new List<TuningPoint>(candidates.Length);
        foreach (var (candidate, classing) in candidates)
        {
            double auc;
            try
            {
                auc = ScorecardTrainer.CrossValidate(train, candidate with { Folds = tuning.Folds, Seed = cv.Seed }, specialNumbers, specialCategories).AucMean;
            }
            catch (CreditDataException)
            {
                // A candidate that leaves no characteristic on some fold cannot be chosen.
                auc = double.NaN;
            }

            points.Add(new TuningPoint(candidate.L2Penalty, candidate.Selection.MinIv, classing, auc));
        }

        var best = -1;
        for (var c = 0; c < points.Count; c++)
        {
            if (!double.IsNaN(points[c].CvAuc) && (best < 0 || points[c].CvAuc > points[best].CvAuc + 1e-12))
            {
                best = c;
            }
        }

        if (best < 0)
        {
            return (options, new TuningRecord(tuning.Folds, points, -1));
        }

        return (candidates[best].Options, new TuningRecord(tuning.Folds, points, best));
    }

    private static IEnumerable<(TrainingOptions Options, string Classing)> Candidates(TrainingOptions options, TuningOptions tuning)
    {
        var classings = new List<(string Name, Binning.BinningOptions Binning)> { ("as-given", options.Binning) };
        if (tuning.TryFineClassing)
        {
            classings.Add(("fine", options.Binning with
            {
                PrebinCount = Math.Max(options.Binning.PrebinCount, tuning.FinePrebins),
                MaxBins = Math.Max(options.Binning.MaxBins, tuning.FineMaxBins),
                MinBinShare = Math.Min(options.Binning.MinBinShare, tuning.FineMinBinShare),
            }));
        }

        foreach (var (name, binning) in classings)
        {
            foreach (var minIv in tuning.MinIvs)
            {
                foreach (var l2 in tuning.L2Penalties)
                {
                    yield return (options with { Binning = binning, L2Penalty = l2, Selection = options.Selection with { MinIv = minIv } }, name);
                }
            }
        }
    }
}
