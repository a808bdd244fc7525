using AutoFinance.Credit.Scorecards;

namespace AutoFinance.Credit.Benchmarking;

/// <summary>How many stratified splits, of what size, and what the models are trained with.</summary>
public sealed record ModelBenchmarkOptions
{
    /// <summary>How many seeds (splits) the figures are averaged over.</summary>
    public int Seeds { get; init; } = 5;

    /// <summary>The first seed; the others follow it one by one.</summary>
    public int FirstSeed { get; init; } = 1;

    public double TestFraction { get; init; } = 0.3;

    /// <summary>The scorecard's options (binning, selection, penalty, scaling); seed, split and folds are set per run.</summary>
    public TrainingOptions Training { get; init; } = new();

    public bool WithChallenger { get; init; } = true;

    public bool WithEbm { get; init; } = true;

    /// <summary>Equal-frequency bins per numeric column of the baseline.</summary>
    public int BaselineBins { get; init; } = 5;

    public IEnumerable<string> Problems()
    {
        if (Seeds is < 1 or > 100)
        {
            yield return "seeds must be between 1 and 100";
        }

        if (TestFraction is < 0.05 or > 0.9 || double.IsNaN(TestFraction))
        {
            yield return "test-fraction must be between 0.05 and 0.9";
        }

        if (BaselineBins is < 2 or > 50)
        {
            yield return "baseline-bins must be between 2 and 50";
        }
    }
}
