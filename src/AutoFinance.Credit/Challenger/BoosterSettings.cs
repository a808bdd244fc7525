namespace AutoFinance.Credit.Challenger;

/// <summary>The hyperparameters of one LightGBM booster; <c>Monotone</c> is the per-slot constraint (null: none).</summary>
internal sealed record BoosterSettings(
    int Trees,
    double LearningRate,
    int Leaves,
    int MinExamplesPerLeaf,
    double L2Regularization,
    double FeatureFraction,
    double SubsampleFraction,
    int Seed,
    int[]? Monotone = null)
{
    public static BoosterSettings From(ChallengerOptions options, int trees, double learningRate, TreeShape shape, int[]? monotone = null) => new(
        trees,
        learningRate,
        shape.Leaves,
        shape.MinExamplesPerLeaf,
        shape.L2Regularization,
        options.FeatureFraction,
        options.SubsampleFraction,
        options.Seed,
        monotone);
}
