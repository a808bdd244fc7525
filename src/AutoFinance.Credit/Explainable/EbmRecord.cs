using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Explainable;

/// <summary>
/// A trained explainable boosting machine, complete in itself: log-odds of bad = <see cref="Intercept"/> + the score
/// of every term at the row's bins. Nothing else is needed to score or explain a row.
/// </summary>
public sealed record EbmRecord
{
    public required double Intercept { get; init; }

    public required IReadOnlyList<EbmFeature> Features { get; init; }

    /// <summary>Main effects (one feature) first, then pairwise interactions.</summary>
    public required IReadOnlyList<EbmTerm> Terms { get; init; }

    /// <summary>Boosting rounds kept (the best on the validation part) for the main effects and for the pairs.</summary>
    public int MainRounds { get; init; }

    public int PairRounds { get; init; }

    public int Bags { get; init; } = 1;
}

/// <summary>
/// One input's bins. Bin 0 holds missing values. A numeric feature's bin b ≥ 1 holds values above
/// <c>Edges[b − 2]</c> (no bound for b = 1) up to and including <c>Edges[b − 1]</c> (no bound for the last);
/// a categorical feature's bin b ≥ 1 is <c>Levels[b − 1]</c>. A level never seen in training has no bin and
/// scores 0 in every term.
/// </summary>
public sealed record EbmFeature(string Name, ColumnKind Kind, IReadOnlyList<double> Edges, IReadOnlyList<string> Levels)
{
    public int BinCount => 1 + (Kind == ColumnKind.Numeric ? Edges.Count + 1 : Levels.Count);
}

/// <summary>
/// A shape function: the log-odds added for each bin of its feature, or for each pair of bins of two features
/// (row-major over coarse groups: the first feature's group times <see cref="SecondGroupCount"/> plus the second's
/// group). <see cref="Groups"/> maps each feature's bins onto the coarse groups of an interaction term (null for a
/// main effect).
/// </summary>
public sealed record EbmTerm(
    string Name, IReadOnlyList<int> FeatureIndexes, IReadOnlyList<double> Scores, IReadOnlyList<IReadOnlyList<int>>? Groups = null, int SecondGroupCount = 0)
{
    public bool IsPair => FeatureIndexes.Count == 2;
}
