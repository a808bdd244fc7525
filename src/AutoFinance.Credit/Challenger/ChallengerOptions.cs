using AutoFinance.Credit.Artefacts;

namespace AutoFinance.Credit.Challenger;

/// <summary>
/// Everything that shapes a challenger training run. The number of trees and the learning rate are chosen from the
/// grids by stratified cross-validation on the training rows (the grid spans 2.5 to 40 units of trees × rate, from
/// what a few hundred rows bear to what a few thousand do); the rest is fixed for small credit samples: leaves of at
/// least 20 rows, an L2 penalty on leaf values, half the inputs per tree and
/// 80% of the rows per tree keep the booster from memorising the sample.
/// </summary>
public sealed record ChallengerOptions
{
    public int Seed { get; init; } = 42;

    /// <summary>Folds of the cross-validation that picks the grid point and yields the out-of-fold scores for calibration.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Candidate numbers of boosting rounds (one tree each).</summary>
    public IReadOnlyList<int> TreeCounts { get; init; } = [50, 100, 200, 400];

    /// <summary>Candidate shrinkage rates.</summary>
    public IReadOnlyList<double> LearningRates { get; init; } = [0.05, 0.1];

    /// <summary>Largest number of leaves of one tree.</summary>
    public int Leaves { get; init; } = 32;

    /// <summary>Fewest training rows a leaf may hold.</summary>
    public int MinExamplesPerLeaf { get; init; } = 20;

    /// <summary>L2 penalty on leaf values.</summary>
    public double L2Regularization { get; init; } = 1.0;

    /// <summary>Share of the input slots each tree may split on.</summary>
    public double FeatureFraction { get; init; } = 0.8;

    /// <summary>Share of the training rows each tree is grown on (bagging); 1 uses every row.</summary>
    public double SubsampleFraction { get; init; } = 0.8;

    /// <summary>How categorical columns reach the trees; risk ranks by default (one-hot is kept for comparison).</summary>
    public CategoryEncoding CategoryEncoding { get; init; } = CategoryEncoding.RiskRank;

    /// <summary>The file name recorded in the artefact for the saved booster.</summary>
    public string ModelFile { get; init; } = "challenger.zip";

    public IEnumerable<string> Problems()
    {
        if (Folds is < 2 or > 20)
        {
            yield return "folds must be between 2 and 20";
        }

        if (TreeCounts.Count == 0 || TreeCounts.Any(t => t is < 1 or > 10_000))
        {
            yield return "tree counts must be one or more numbers between 1 and 10000";
        }

        if (LearningRates.Count == 0 || LearningRates.Any(r => double.IsNaN(r) || r is <= 0 or > 1))
        {
            yield return "learning rates must be one or more numbers above 0 and at most 1";
        }

        if (Leaves is < 2 or > 1024)
        {
            yield return "leaves must be between 2 and 1024";
        }

        if (MinExamplesPerLeaf < 1)
        {
            yield return "min examples per leaf must be at least 1";
        }

        if (double.IsNaN(L2Regularization) || L2Regularization is < 0 or > 1e6)
        {
            yield return "l2 regularization must be between 0 and 1000000";
        }

        if (double.IsNaN(FeatureFraction) || FeatureFraction is <= 0 or > 1)
        {
            yield return "feature fraction must be above 0 and at most 1";
        }

        if (double.IsNaN(SubsampleFraction) || SubsampleFraction is <= 0 or > 1)
        {
            yield return "subsample fraction must be above 0 and at most 1";
        }

        if (string.IsNullOrWhiteSpace(ModelFile))
        {
            yield return "the model file name must not be empty";
        }
    }
}
