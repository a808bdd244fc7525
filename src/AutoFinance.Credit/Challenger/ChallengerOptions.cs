using AutoFinance.Credit.Artefacts;

namespace AutoFinance.Credit.Challenger;

/// <summary>
/// Everything that shapes a challenger training run. The learning rate and the tree shape are chosen from grids by
/// stratified cross-validation on the training rows, and the number of trees by early stopping on each held-out fold
/// (the final booster grows the mean of the folds' best rounds). Samples under <see cref="SmallDataRows"/> rows search
/// smaller, more penalised trees (<see cref="SmallDataShapes"/>), since a few hundred rows cannot fill 32 leaves; the
/// rest keeps the booster from memorising the sample: leaves of at least 20 rows, an L2 penalty on leaf values, 80%
/// of the inputs and 80% of the rows per tree.
/// </summary>
public sealed record ChallengerOptions
{
    public int Seed { get; init; } = 42;

    /// <summary>Folds of the cross-validation that picks the grid point and yields the out-of-fold scores for calibration.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Rounds without a better held-out AUC after which a fold stops growing trees; 0 turns early stopping off.</summary>
    public int EarlyStoppingRounds { get; init; } = 100;

    /// <summary>Most boosting rounds a fold may grow when stopping early.</summary>
    public int MaxTrees { get; init; } = 2000;

    /// <summary>Candidate numbers of boosting rounds (one tree each) when early stopping is off.</summary>
    public IReadOnlyList<int> TreeCounts { get; init; } = [50, 100, 200, 400];

    /// <summary>Below this many training rows the search uses <see cref="SmallDataShapes"/> instead of the one shape set by
    /// <see cref="Leaves"/>, <see cref="MinExamplesPerLeaf"/> and <see cref="L2Regularization"/>.</summary>
    public int SmallDataRows { get; init; } = 2000;

    /// <summary>Tree shapes searched on small samples: few leaves, heavier penalties.</summary>
    public IReadOnlyList<TreeShape> SmallDataShapes { get; init; } =
        [new(4, 20, 1), new(8, 20, 1), new(8, 20, 10), new(16, 20, 1), new(32, 20, 1)];

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

    /// <summary>
    /// Inputs whose effect on the pd must be monotone, by column name (see <see cref="MonotoneConstraints"/>); empty
    /// leaves every input free. A name the training sample lacks is ignored.
    /// </summary>
    public IReadOnlyDictionary<string, MonotoneDirection> Monotone { get; init; } = new Dictionary<string, MonotoneDirection>(StringComparer.Ordinal);

    /// <summary>The file name recorded in the artefact for the saved booster.</summary>
    public string ModelFile { get; init; } = "challenger.zip";

    /// <summary>The tree shapes the search tries on a sample of <paramref name="rows"/> training rows.</summary>
    public IReadOnlyList<TreeShape> ShapesFor(int rows) =>
        rows < SmallDataRows ? SmallDataShapes : [new TreeShape(Leaves, MinExamplesPerLeaf, L2Regularization)];

    public IEnumerable<string> Problems()
    {
        if (Folds is < 2 or > 20)
        {
            yield return "folds must be between 2 and 20";
        }

        if (EarlyStoppingRounds is < 0 or > 1000)
        {
            yield return "early stopping rounds must be between 0 and 1000";
        }

        if (MaxTrees is < 1 or > 10_000)
        {
            yield return "max trees must be between 1 and 10000";
        }

        if (SmallDataShapes.Count == 0 || SmallDataShapes.Any(s => s.Leaves is < 2 or > 1024 || s.MinExamplesPerLeaf < 1 || double.IsNaN(s.L2Regularization) || s.L2Regularization is < 0 or > 1e6))
        {
            yield return "small-data shapes must be one or more shapes of 2 to 1024 leaves, at least 1 row a leaf and an L2 penalty from 0 to 1000000";
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
