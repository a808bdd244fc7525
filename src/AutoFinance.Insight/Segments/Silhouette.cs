namespace AutoFinance.Insight.Segments;

/// <summary>
/// The silhouette of a clustering: for each row, a = mean Euclidean distance to the other rows of its cluster,
/// b = the smallest mean distance to the rows of another cluster, s = (b − a) / max(a, b); the score is the mean s.
/// </summary>
/// <remarks>A row alone in its cluster has s = 0 (Rousseeuw's convention); with one cluster the score is 0.
/// Cost is O(n²): meant for segmentation samples of a few thousand rows.</remarks>
public static class Silhouette
{
    /// <summary>The mean silhouette over all rows, between −1 and 1; higher is better separated.</summary>
    public static double Mean(IReadOnlyList<double[]> rows, IReadOnlyList<int> assignments) => PerRow(rows, assignments).Average();

    /// <summary>Each row's silhouette.</summary>
    public static double[] PerRow(IReadOnlyList<double[]> rows, IReadOnlyList<int> assignments)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(assignments);
        if (rows.Count != assignments.Count || rows.Count == 0)
        {
            throw new ArgumentException("Every row needs one assignment, and there must be rows.", nameof(assignments));
        }

        var k = assignments.Max() + 1;
        var sizes = new int[k];
        foreach (var c in assignments)
        {
            sizes[c]++;
        }

        var scores = new double[rows.Count];
        var sums = new double[k];
        for (var i = 0; i < rows.Count; i++)
        {
            Array.Clear(sums);
            for (var j = 0; j < rows.Count; j++)
            {
                if (i != j)
                {
                    sums[assignments[j]] += Math.Sqrt(KMeans.SquaredDistance(rows[i], rows[j]));
                }
            }

            var own = assignments[i];
            if (sizes[own] <= 1)
            {
                scores[i] = 0;
                continue;
            }

            var a = sums[own] / (sizes[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                if (c != own && sizes[c] > 0)
                {
                    b = Math.Min(b, sums[c] / sizes[c]);
                }
            }

            scores[i] = double.IsPositiveInfinity(b) || Math.Max(a, b) == 0 ? 0 : (b - a) / Math.Max(a, b);
        }

        return scores;
    }
}
