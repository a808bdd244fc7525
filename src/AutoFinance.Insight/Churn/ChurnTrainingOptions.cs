namespace AutoFinance.Insight.Churn;

/// <summary>How the churn model is trained and read.</summary>
/// <param name="HorizonMonths">The label's horizon: "left within this many months after the observation".</param>
/// <param name="Trees">Boosted trees.</param>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="MinExamplesPerLeaf">Observations a leaf needs at least.</param>
/// <param name="LearningRate">Shrinkage of each tree.</param>
/// <param name="DecisionThreshold">Probability from which a customer counts as at risk (precision, recall and F1 are measured at it).</param>
/// <param name="Seed">Seed of the trainer; one thread is used, so the same data and seed give the same model.</param>
public sealed record ChurnTrainingOptions(
    int HorizonMonths = 3,
    int Trees = 60,
    int Leaves = 8,
    int MinExamplesPerLeaf = 30,
    double LearningRate = 0.1,
    double DecisionThreshold = 0.2,
    int Seed = 2026);
