namespace AutoFinance.Credit.Scorecards;

/// <summary>
/// The grid stratified cross-validation on the training part chooses from: the L2 penalty, the minimum information
/// value of selection, and coarse or fine classing (the options as given, or more pre-bins, more and smaller bins).
/// </summary>
public sealed record TuningOptions
{
    public IReadOnlyList<double> L2Penalties { get; init; } = [0.3, 1, 3];

    public IReadOnlyList<double> MinIvs { get; init; } = [0.01, 0.02];

    /// <summary>Whether fine classing (<see cref="FinePrebins"/>, <see cref="FineMaxBins"/>, <see cref="FineMinBinShare"/>) is a candidate.</summary>
    public bool TryFineClassing { get; init; } = true;

    public int FinePrebins { get; init; } = 50;

    public int FineMaxBins { get; init; } = 10;

    public double FineMinBinShare { get; init; } = 0.03;

    public int Folds { get; init; } = 5;

    public IEnumerable<string> Problems()
    {
        if (L2Penalties.Count == 0 || L2Penalties.Any(l => double.IsNaN(l) || l is < 0 or > 1e6))
        {
            yield return "tuning l2 penalties must be one or more numbers between 0 and 1000000";
        }

        if (MinIvs.Count == 0 || MinIvs.Any(v => double.IsNaN(v) || v is < 0 or > 10))
        {
            yield return "tuning min-ivs must be one or more numbers between 0 and 10";
        }

        if (Folds is < 2 or > 20)
        {
            yield return "tuning folds must be between 2 and 20";
        }
    }
}
