using Microsoft.ML;

namespace AutoFinance.Insight.Churn;

/// <summary>A trained churn / early-payoff model: probabilities and per-customer reasons from feature contributions.</summary>
public sealed class ChurnModel
{
    private readonly MLContext ml;
    private readonly ITransformer scorer;

    internal ChurnModel(MLContext ml, ITransformer scorer, double threshold)
    {
        this.ml = ml;
        this.scorer = scorer;
        Threshold = threshold;
    }

    /// <summary>The probability from which a customer is listed as at risk.</summary>
    public double Threshold { get; }

    /// <summary>The probability of leaving within the horizon for each observation, in input order.</summary>
    public IReadOnlyList<double> Predict(IReadOnlyList<ChurnObservation> observations) =>
        Score(observations).Select(s => (double)s.Probability).ToArray();

    /// <summary>
    /// The customers at or above <see cref="Threshold"/>, most likely first (ties by customer id), each with up to
    /// <paramref name="reasons"/> features whose contribution (FastTree's per-row feature contribution, in score units)
    /// pushes towards leaving, largest first.
    /// </summary>
    public IReadOnlyList<AtRiskCustomer> AtRisk(IReadOnlyList<ChurnObservation> observations, int reasons = 3)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var scored = Score(observations);
        var list = new List<AtRiskCustomer>();
        for (var i = 0; i < observations.Count; i++)
        {
            var probability = (double)scored[i].Probability;
            if (probability < Threshold)
            {
                continue;
            }

            var top = scored[i].FeatureContributions
                .Select((c, j) => (c, j))
                .Where(x => x.c > 0)
                .OrderByDescending(x => x.c)
                .ThenBy(x => x.j)
                .Take(reasons)
                .Select(x => new ChurnReason(ChurnFeatures.Names[x.j], ChurnFeatures.Reasons[ChurnFeatures.Names[x.j]], x.c))
                .ToArray();
            list.Add(new AtRiskCustomer(observations[i].CustomerId, observations[i].AsOf, probability, top));
        }

        return list.OrderByDescending(a => a.Probability).ThenBy(a => a.CustomerId, StringComparer.Ordinal).ToArray();
    }

    private ChurnScoredRow[] Score(IReadOnlyList<ChurnObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var data = ml.Data.LoadFromEnumerable(observations.Select(ChurnRow.From));
        return ml.Data.CreateEnumerable<ChurnScoredRow>(scorer.Transform(data), reuseRowObject: false).ToArray();
    }
}
