using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Validation;
using Microsoft.ML;

namespace AutoFinance.Credit.Challenger;

/// <summary>
/// Picks the learning rate and the tree shape by stratified k-fold cross-validation on the training rows (highest
/// mean fold AUC; on a tie the earlier candidate), and the number of trees by early stopping (or from a fixed grid
/// when early stopping is off). Each fold stops on a stratified fifth of its own fitting rows, never on the fold it is
/// scored on: stopping on the scored fold would flatter the noisiest candidate and pick it. Keeps the chosen
/// candidate's out-of-fold raw scores, on which the calibration is fitted.
/// </summary>
internal static class ChallengerSearch
{
    public static ChallengerSearchResult Run(MLContext ml, float[][] features, byte[] target, int width, ChallengerOptions options, int[]? monotone = null)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var foldOf = Sampling.StratifiedFolds(target, options.Folds, options.Seed);
        var stopEarly = options.EarlyStoppingRounds > 0;
        int[] treeCounts = stopEarly ? [options.MaxTrees] : [.. options.TreeCounts.Distinct().Order()];
        var candidates = (
            from shape in options.ShapesFor(target.Length)
            from trees in treeCounts
            from rate in options.LearningRates.Distinct().Order()
            select (Trees: trees, Rate: rate, Shape: shape)).ToArray();
        var outOfFold = candidates.Select(_ => new double[target.Length]).ToArray();
        var foldAuc = candidates.Select(_ => new double[options.Folds]).ToArray();
        var foldKs = candidates.Select(_ => new double[options.Folds]).ToArray();
        var foldTrees = candidates.Select(_ => new int[options.Folds]).ToArray();
        for (var fold = 0; fold < options.Folds; fold++)
        {
            // ML.NET runs one LightGBM training at a time per process, so the fits are simply done in turn.
            var fitRows = Rows(foldOf, f => f != fold);
            var holdRows = Rows(foldOf, f => f == fold);
            var holdTarget = Pick(target, holdRows);
            var fitData = ChallengerRows.ToDataView(ml, Pick(features, fitRows), Pick(target, fitRows), width);
            var holdData = ChallengerRows.ToDataView(ml, Pick(features, holdRows), width);
            var (growData, stopData) = stopEarly ? StoppingSplit(ml, features, target, fitRows, width, options.Seed + fold) : (fitData, fitData);
            for (var c = 0; c < candidates.Length; c++)
            {
                var settings = BoosterSettings.From(options, candidates[c].Trees, candidates[c].Rate, candidates[c].Shape, monotone);
                var booster = stopEarly
                    ? BoosterTrainer.FitWithEarlyStopping(ml, growData, stopData, settings, options.EarlyStoppingRounds)
                    : BoosterTrainer.Fit(ml, fitData, settings);
                var raw = ChallengerRows.Scores(booster.Transform(holdData)).Select(s => (double)s).ToArray();
                for (var i = 0; i < holdRows.Length; i++)
                {
                    outOfFold[c][holdRows[i]] = raw[i];
                }

                foldAuc[c][fold] = Metrics.Auc(raw, holdTarget);
                foldKs[c][fold] = Metrics.Ks(raw, holdTarget);
                foldTrees[c][fold] = BoosterTrainer.TreeCount(booster);
            }
        }

        var grid = candidates.Select((candidate, c) => new ChallengerGridPoint(
            (int)Math.Round(foldTrees[c].Average(), MidpointRounding.AwayFromZero), candidate.Rate, candidate.Shape, foldAuc[c].Average(), StdDev(foldAuc[c]))).ToArray();
        var best = 0;
        for (var c = 1; c < grid.Length; c++)
        {
            if (grid[c].CvAuc > grid[best].CvAuc)
            {
                best = c;
            }
        }

        var figures = new CrossValidationFigures(options.Folds, grid[best].CvAuc, grid[best].CvAucStdDev, foldKs[best].Average(), foldAuc[best]);
        return new ChallengerSearchResult(grid[best], FinalTrees(grid[best].Trees, stopEarly, options), outOfFold[best], figures, grid);
    }

    /// <summary>
    /// The rounds of the booster grown on every training row. Trees stopped early on a fold were grown on
    /// (k−1)/k × 4/5 of the rows; the same shrinkage on more rows keeps improving for proportionally longer, so the
    /// count is scaled up by the ratio of rows.
    /// </summary>
    private static int FinalTrees(int stoppedTrees, bool stopEarly, ChallengerOptions options)
    {
        if (!stopEarly)
        {
            return stoppedTrees;
        }

        var growShare = (options.Folds - 1.0) / options.Folds * 0.8;
        return Math.Min(options.MaxTrees, Math.Max(1, (int)Math.Round(stoppedTrees / growShare, MidpointRounding.AwayFromZero)));
    }

    /// <summary>The fitting rows of a fold cut into the rows that grow the trees and a stratified fifth that stops them.</summary>
    private static (IDataView Grow, IDataView Stop) StoppingSplit(MLContext ml, float[][] features, byte[] target, int[] fitRows, int width, int seed)
    {
        var fitTarget = Pick(target, fitRows);
        var part = Sampling.StratifiedFolds(fitTarget, 5, seed);
        var grow = Pick(fitRows, Rows(part, p => p != 0));
        var stop = Pick(fitRows, Rows(part, p => p == 0));
        return (ChallengerRows.ToDataView(ml, Pick(features, grow), Pick(target, grow), width),
            ChallengerRows.ToDataView(ml, Pick(features, stop), Pick(target, stop), width));
    }

    private static int[] Rows(int[] foldOf, Func<int, bool> keep) =>
        [.. Enumerable.Range(0, foldOf.Length).Where(r => keep(foldOf[r]))];

    private static T[] Pick<T>(T[] values, int[] rows) => [.. rows.Select(r => values[r])];

    private static double StdDev(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Length - 1));
    }
}
