namespace AutoFinance.Credit.Explainable;

/// <summary>
/// One row's log-odds of bad taken apart: the intercept plus every term's score at the row's bins. Nothing is left
/// over, so <see cref="LogOdds"/> is exactly what the model predicts and each contribution is exactly its term's share.
/// </summary>
public sealed record EbmExplanation(double Intercept, IReadOnlyList<EbmContribution> Terms)
{
    /// <summary>The intercept with each term added in turn, in the order the model itself adds them.</summary>
    public double LogOdds => Terms.Aggregate(Intercept, (sum, t) => sum + t.LogOdds);

    public double Pd => Modelling.LogisticRegression.Sigmoid(LogOdds);

    /// <summary>The terms that raise the pd, largest first, at most <paramref name="count"/>.</summary>
    public IReadOnlyList<EbmContribution> Raising(int count) => [.. Terms.Where(t => t.LogOdds > 0).OrderByDescending(t => t.LogOdds).Take(count)];
}

/// <summary>
/// One term's contribution to a row's log-odds: the indexes of its features in <see cref="EbmRecord.Features"/> (one,
/// or two for a pair) and the row's bin in each (<see cref="EbmBinning.Unseen"/> for a value never seen in training,
/// which scores 0).
/// </summary>
public sealed record EbmContribution(string Term, IReadOnlyList<int> Features, IReadOnlyList<int> Bins, double LogOdds);
