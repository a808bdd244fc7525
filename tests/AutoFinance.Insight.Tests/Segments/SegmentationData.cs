namespace AutoFinance.Insight.Tests.Segments;

internal static class SegmentationData
{
    /// <summary>Three well-separated blobs in two dimensions, 30 points each.</summary>
    public static double[][] ThreeBlobs(int seed = 1)
    {
        var random = new Random(seed);
        (double X, double Y)[] centres = [(0, 0), (8, 0), (4, 7)];
        return centres.SelectMany(c => Enumerable.Range(0, 30).Select(_ => new[] { c.X + random.NextDouble() - 0.5, c.Y + random.NextDouble() - 0.5 })).ToArray();
    }
}
