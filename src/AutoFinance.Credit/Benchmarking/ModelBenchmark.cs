using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Challenger;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Scorecards;
using AutoFinance.Credit.Validation;

namespace AutoFinance.Credit.Benchmarking;

/// <summary>
/// Evaluation that cannot flatter: the scorecard, the challenger and the plain WoE logistic baseline are each
/// trained on the training part of a stratified split and measured on its held-out part, for several seeds, so a
/// claim rests on the mean over resamples rather than on one lucky split.
/// </summary>
public static class ModelBenchmark
{
    public const string ScorecardModel = "scorecard";
    public const string ChallengerModel = "challenger";
    public const string EbmModel = "ebm";
    public const string BaselineModel = "woe-logistic-baseline";

    public static ModelBenchmarkReport Run(LoadedDataset loaded, ModelBenchmarkOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(options);
        var seeds = Enumerable.Range(options.FirstSeed, options.Seeds).ToArray();
        var scorecard = new List<PerformanceFigures>();
        var challenger = new List<PerformanceFigures>();
        var ebm = new List<PerformanceFigures>();
        var baseline = new List<PerformanceFigures>();
        var kept = new Dictionary<string, (List<double> Iv, IReadOnlyList<string> Bins)>(StringComparer.Ordinal);
        foreach (var seed in seeds)
        {
            var training = options.Training with
            {
                Seed = seed,
                TestFraction = options.TestFraction,
                Folds = 0,
                Challenger = options.WithChallenger ? (options.Training.Challenger ?? new ChallengerOptions()) with { Seed = seed } : null,
                GbdtChampion = false,
                Ebm = options.WithEbm ? (options.Training.Ebm ?? new Explainable.EbmOptions()) with { Seed = seed } : null,
                EbmChampion = false,
            };
            var document = ScorecardTrainer.Train(loaded, training, time).Document;
            scorecard.Add(document.Validation!.Test);
            if (document.Challenger?.Test is { } challengerTest)
            {
                challenger.Add(challengerTest);
            }

            if (document.EbmTest is { } ebmTest)
            {
                ebm.Add(ebmTest);
            }

            foreach (var characteristic in document.Characteristics)
            {
                if (!kept.TryGetValue(characteristic.Name, out var use))
                {
                    use = ([], [.. characteristic.Bins.Select(BinLabels.Describe)]);
                    kept[characteristic.Name] = use;
                }

                use.Iv.Add(characteristic.Iv);
            }

            var (trainRows, testRows) = Sampling.StratifiedSplit(loaded.Data.Target, options.TestFraction, seed);
            var test = loaded.Data.Select(testRows);
            var fitted = WoeLogisticBaseline.Fit(loaded.Data.Select(trainRows), options.BaselineBins);
            baseline.Add(ValidationTables.Performance(fitted.PredictPd(test), test.Target));
        }

        var models = new List<ModelFigures> { ModelFigures.Of(ScorecardModel, scorecard) };
        if (challenger.Count > 0)
        {
            models.Add(ModelFigures.Of(ChallengerModel, challenger));
        }

        if (ebm.Count > 0)
        {
            models.Add(ModelFigures.Of(EbmModel, ebm));
        }

        models.Add(ModelFigures.Of(BaselineModel, baseline));
        var characteristics = kept
            .Select(k => new CharacteristicUse(k.Key, k.Value.Iv.Count, MeanAndSpread.Of(k.Value.Iv), k.Value.Bins))
            .OrderByDescending(c => c.SeedsKept).ThenByDescending(c => c.Iv.Mean)
            .ToList();
        return new ModelBenchmarkReport(loaded.Data.Rows, loaded.Data.Bads, options.TestFraction, seeds, models, characteristics);
    }
}
