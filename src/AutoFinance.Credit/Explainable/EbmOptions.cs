namespace AutoFinance.Credit.Explainable;

/// <summary>
/// How the explainable boosting machine is grown: cyclic rounds over the features with a small learning rate, each
/// step a tiny tree of at most <see cref="MaxLeaves"/> leaves on one feature's bins, stopped when the log loss on a
/// stratified validation part has not improved for <see cref="Patience"/> rounds; then the strongest pairs.
/// </summary>
public sealed record EbmOptions
{
    public int Seed { get; init; } = 42;

    /// <summary>Quantile bins of a numeric feature (missing has a bin of its own on top).</summary>
    public int MaxBins { get; init; } = 32;

    public double LearningRate { get; init; } = 0.02;

    public int MaxRounds { get; init; } = 2000;

    public int Patience { get; init; } = 60;

    public int MaxLeaves { get; init; } = 3;

    /// <summary>Fewest training rows a leaf of one step may cover.</summary>
    public int MinRowsPerLeaf { get; init; } = 10;

    /// <summary>Added to the hessian of a leaf, shrinking small leaves.</summary>
    public double L2 { get; init; } = 1.0;

    public double ValidationFraction { get; init; } = 0.15;

    /// <summary>Outer bags, each with its own validation part, whose shape functions are averaged.</summary>
    public int Bags { get; init; } = 8;

    /// <summary>How many pairwise interaction terms are added after the main effects (0 for none).</summary>
    public int Interactions { get; init; } = 5;

    /// <summary>Coarse bins per feature of an interaction term.</summary>
    public int InteractionBins { get; init; } = 8;

    public IEnumerable<string> Problems()
    {
        if (MaxBins is < 2 or > 1024)
        {
            yield return "ebm max-bins must be between 2 and 1024";
        }

        if (LearningRate is <= 0 or > 1 || double.IsNaN(LearningRate))
        {
            yield return "ebm learning-rate must be above 0 and at most 1";
        }

        if (MaxRounds is < 1 or > 100_000 || Patience < 1)
        {
            yield return "ebm rounds must be between 1 and 100000 and patience at least 1";
        }

        if (MaxLeaves is < 2 or > 8 || MinRowsPerLeaf < 1)
        {
            yield return "ebm leaves must be between 2 and 8 with at least one row each";
        }

        if (ValidationFraction is < 0.05 or > 0.5 || double.IsNaN(ValidationFraction))
        {
            yield return "ebm validation-fraction must be between 0.05 and 0.5";
        }

        if (Bags is < 1 or > 100)
        {
            yield return "ebm bags must be between 1 and 100";
        }

        if (Interactions is < 0 or > 50 || InteractionBins is < 2 or > 64)
        {
            yield return "ebm interactions must be between 0 and 50 with 2 to 64 bins";
        }
    }
}
