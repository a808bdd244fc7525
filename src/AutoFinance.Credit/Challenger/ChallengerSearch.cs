using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Validation;
using Microsoft.ML;

namespace AutoFinance.Credit.Challenger;

/// <summary>
/// Picks the number of trees and the learning rate by stratified k-fold cross-validation on the training rows
/// (highest mean fold AUC; on a tie the earlier, smaller candidate) and keeps that candidate's out-of-fold raw
/// scores, on which the calibration is fitted.
/// </summary>
internal static class ChallengerSearch
{
    public static ChallengerSearchResult Run(MLContext ml, float[][] features, byte[] target, int width, ChallengerOptions options)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var foldOf = Sampling.StratifiedFolds(target, options.Folds, options.Seed);
        var candidates = (
            from trees in options.TreeCounts.Distinct().Order()
            from rate in options.LearningRates.Distinct().Order()
            select (Trees: trees, Rate: rate)).ToArray();
        var outOfFold = candidates.Select(_ => new double[target.Length]).ToArray();
        var foldAuc = candidates.Select(_ => new double[options.Folds]).ToArray();
        var foldKs = candidates.Select(_ => new double[options.Folds]).ToArray();
        for (var fold = 0; fold < options.Folds; fold++)
        {
            // ML.NET runs one LightGBM training at a time per process, so the fits are simply done in turn.
            var fitRows = Rows(foldOf, f => f != fold);
            var holdRows = Rows(foldOf, f => f == fold);
            var fitData = ChallengerRows.ToDataView(ml, Pick(features, fitRows), Pick(target, fitRows), width);
            var holdData = ChallengerRows.ToDataView(ml, Pick(features, holdRows), width);
            var holdTarget = Pick(target, holdRows);
            for (var c = 0; c < candidates.Length; c++)
            {
                var booster = BoosterTrainer.Fit(ml, fitData, BoosterSettings.From(options, candidates[c].Trees, candidates[c].Rate));
                var raw = ChallengerRows.Scores(booster.Transform(holdData)).Select(s => (double)s).ToArray();
                for (var i = 0; i < holdRows.Length; i++)
                {
                    outOfFold[c][holdRows[i]] = raw[i];
                }

                foldAuc[c][fold] = Metrics.Auc(raw, holdTarget);
                foldKs[c][fold] = Metrics.Ks(raw, holdTarget);
            }
        }

        var grid = candidates.Select((candidate, c) => new ChallengerGridPoint(candidate.Trees, candidate.Rate, foldAuc[c].Average(), StdDev(foldAuc[c]))).ToArray();
        var best = 0;
        for (var c = 1; c < grid.Length; c++)
        {
            if (grid[c].CvAuc > grid[best].CvAuc)
            {
                best = c;
            }
        }

        var figures = new CrossValidationFigures(options.Folds, grid[best].CvAuc, grid[best].CvAucStdDev, foldKs[best].Average(), foldAuc[best]);
        return new ChallengerSearchResult(candidates[best].Trees, candidates[best].Rate, outOfFold[best], figures, grid);
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
