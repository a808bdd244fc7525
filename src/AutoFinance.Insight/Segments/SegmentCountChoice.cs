namespace AutoFinance.Insight.Segments;

/// <summary>The silhouette of one candidate k.</summary>
public sealed record SegmentCountScore(int K, double MeanSilhouette, double Inertia);

/// <summary>The chosen number of segments with its clustering and the silhouette of every k tried.</summary>
public sealed record SegmentCountChoice(int BestK, Clustering Best, IReadOnlyList<SegmentCountScore> Scores)
{
    /// <summary>
    /// Fits k-means for every k from <paramref name="minK"/> to <paramref name="maxK"/> (at least 2) and keeps the k with
    /// the highest mean silhouette; a tie goes to the smaller k (fewer segments are easier to act on).
    /// </summary>
    public static SegmentCountChoice Choose(IReadOnlyList<double[]> rows, int minK, int maxK, KMeansOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(minK, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxK, minK);
        var scores = new List<SegmentCountScore>();
        Clustering? best = null;
        var bestScore = double.NegativeInfinity;
        for (var k = minK; k <= Math.Min(maxK, rows.Count - 1); k++)
        {
            var clustering = KMeans.Fit(rows, k, options);
            var score = Silhouette.Mean(rows, clustering.Assignments);
            scores.Add(new SegmentCountScore(k, score, clustering.Inertia));
            if (score > bestScore)
            {
                bestScore = score;
                best = clustering;
            }
        }

        return best is null
            ? throw new ArgumentException("Too few rows for two clusters.", nameof(rows))
            : new SegmentCountChoice(best.K, best, scores);
    }
}
