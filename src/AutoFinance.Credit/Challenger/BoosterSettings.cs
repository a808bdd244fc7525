namespace AutoFinance.Credit.Challenger;

/// <summary>The hyperparameters of one LightGBM booster.</summary>
internal sealed record BoosterSettings(
    int Trees,
    double LearningRate,
    int Leaves,
    int MinExamplesPerLeaf,
    double L2Regularization,
    double FeatureFraction,
    double SubsampleFraction,
    int Seed)
{
    public static BoosterSettings From(ChallengerOptions options, int trees, double learningRate, TreeShape shape) => new(
        trees,
        learningRate,
        shape.Leaves,
        shape.MinExamplesPerLeaf,
        shape.L2Regularization,
        options.FeatureFraction,
        options.SubsampleFraction,
        options.Seed);
}
