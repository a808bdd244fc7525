using AutoFinance.Credit.Artefacts;

namespace AutoFinance.Credit.Benchmarking;

/// <summary>Held-out figures of every model over every seed, and how the scorecard used each characteristic.</summary>
public sealed record ModelBenchmarkReport(
    int Rows,
    int Bads,
    double TestFraction,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<ModelFigures> Models,
    IReadOnlyList<CharacteristicUse> Characteristics);

/// <summary>One model's test AUC, KS, Gini and Brier as mean ± sd over the seeds, with each seed's figures.</summary>
public sealed record ModelFigures(
    string Model,
    MeanAndSpread Auc,
    MeanAndSpread Ks,
    MeanAndSpread Gini,
    MeanAndSpread Brier,
    IReadOnlyList<PerformanceFigures> PerSeed)
{
    public static ModelFigures Of(string model, IReadOnlyList<PerformanceFigures> perSeed)
    {
        ArgumentNullException.ThrowIfNull(perSeed);
        return new ModelFigures(
            model,
            MeanAndSpread.Of([.. perSeed.Select(p => p.Auc)]),
            MeanAndSpread.Of([.. perSeed.Select(p => p.Ks)]),
            MeanAndSpread.Of([.. perSeed.Select(p => p.Gini)]),
            MeanAndSpread.Of([.. perSeed.Select(p => p.Brier)]),
            perSeed);
    }
}

/// <summary>
/// A characteristic the scorecard kept on at least one seed: on how many, its mean information value when kept,
/// and the bins it was given on the first seed that kept it.
/// </summary>
public sealed record CharacteristicUse(string Name, int SeedsKept, MeanAndSpread Iv, IReadOnlyList<string> Bins);
