namespace AutoFinance.Insight.Segments;

/// <summary>The result of k-means: a cluster per row (0 … k − 1), the centroids and the within-cluster sum of squares.</summary>
public sealed record Clustering(int K, IReadOnlyList<int> Assignments, IReadOnlyList<double[]> Centroids, double Inertia, int Iterations)
{
    /// <summary>The cluster of the nearest centroid for a new row (ties go to the lower cluster number).</summary>
    public int Assign(double[] row) => KMeans.Nearest(row, Centroids);
}
