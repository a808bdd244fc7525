namespace AutoFinance.Insight.Segments;

/// <summary>
/// k-means by Lloyd's algorithm with k-means++ initialisation, written here rather than taken from ML.NET.
/// </summary>
/// <remarks>
/// Why by hand: ML.NET's KMeansTrainer initialises with its own k-means|| sampler, runs multi-threaded with
/// accelerated bounds and returns only a model over an IDataView, so assignments depend on thread scheduling and
/// cannot be pinned to a seed by contract; segments here must be stable for a fixed seed (a customer must not change
/// segment because a report ran twice) and the data is small (thousands of rows, a handful of features).
/// <para>Rules: squared Euclidean distance; k-means++ picks the first centre uniformly and each next one with
/// probability proportional to the squared distance to the nearest chosen centre; Lloyd iterations until no row changes
/// cluster or <see cref="KMeansOptions.MaxIterations"/>; a cluster left empty takes the row farthest from its centroid;
/// distance ties go to the lower cluster number; of <see cref="KMeansOptions.Restarts"/> starts the lowest inertia wins
/// (ties: the earlier start). Randomness comes only from <see cref="Random"/> seeded with <see cref="KMeansOptions.Seed"/>.</para>
/// </remarks>
public static class KMeans
{
    /// <summary>Clusters the rows (already standardised) into <paramref name="k"/> groups.</summary>
    public static Clustering Fit(IReadOnlyList<double[]> rows, int k, KMeansOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        options ??= new KMeansOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (rows.Count < k)
        {
            throw new ArgumentException($"{rows.Count} rows cannot make {k} clusters.", nameof(rows));
        }

        var random = new Random(options.Seed);
        Clustering? best = null;
        for (var start = 0; start < Math.Max(1, options.Restarts); start++)
        {
            var run = Run(rows, k, options.MaxIterations, random);
            if (best is null || run.Inertia < best.Inertia)
            {
                best = run;
            }
        }

        return best!;
    }

    internal static int Nearest(double[] row, IReadOnlyList<double[]> centroids)
    {
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var c = 0; c < centroids.Count; c++)
        {
            var d = SquaredDistance(row, centroids[c]);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = c;
            }
        }

        return best;
    }

    internal static double SquaredDistance(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            var d = a[j] - b[j];
            sum += d * d;
        }

        return sum;
    }

    private static Clustering Run(IReadOnlyList<double[]> rows, int k, int maxIterations, Random random)
    {
        var centroids = PlusPlus(rows, k, random);
        var assignments = new int[rows.Count];
        Array.Fill(assignments, -1);
        var iterations = 0;
        var changed = true;
        while (changed && iterations < maxIterations)
        {
            iterations++;
            changed = false;
            for (var i = 0; i < rows.Count; i++)
            {
                var c = Nearest(rows[i], centroids);
                if (c != assignments[i])
                {
                    assignments[i] = c;
                    changed = true;
                }
            }

            centroids = Update(rows, assignments, centroids);
        }

        var inertia = 0.0;
        for (var i = 0; i < rows.Count; i++)
        {
            inertia += SquaredDistance(rows[i], centroids[assignments[i]]);
        }

        return new Clustering(k, assignments, centroids, inertia, iterations);
    }

    private static double[][] PlusPlus(IReadOnlyList<double[]> rows, int k, Random random)
    {
        var centres = new List<double[]> { (double[])rows[random.Next(rows.Count)].Clone() };
        var nearest = rows.Select(r => SquaredDistance(r, centres[0])).ToArray();
        while (centres.Count < k)
        {
            var total = nearest.Sum();
            var pick = 0;
            if (total > 0)
            {
                var u = random.NextDouble() * total;
                for (pick = 0; pick < rows.Count - 1; pick++)
                {
                    u -= nearest[pick];
                    if (u < 0)
                    {
                        break;
                    }
                }
            }
            else
            {
                pick = random.Next(rows.Count);
            }

            var centre = (double[])rows[pick].Clone();
            centres.Add(centre);
            for (var i = 0; i < rows.Count; i++)
            {
                nearest[i] = Math.Min(nearest[i], SquaredDistance(rows[i], centre));
            }
        }

        return [.. centres];
    }

    private static double[][] Update(IReadOnlyList<double[]> rows, int[] assignments, double[][] previous)
    {
        var k = previous.Length;
        var width = rows[0].Length;
        var sums = new double[k][];
        var counts = new int[k];
        for (var c = 0; c < k; c++)
        {
            sums[c] = new double[width];
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var c = assignments[i];
            counts[c]++;
            for (var j = 0; j < width; j++)
            {
                sums[c][j] += rows[i][j];
            }
        }

        for (var c = 0; c < k; c++)
        {
            if (counts[c] == 0)
            {
                // An empty cluster restarts at the row farthest from its own centroid.
                var far = 0;
                var farDistance = -1.0;
                for (var i = 0; i < rows.Count; i++)
                {
                    var d = SquaredDistance(rows[i], previous[assignments[i]]);
                    if (d > farDistance)
                    {
                        farDistance = d;
                        far = i;
                    }
                }

                sums[c] = (double[])rows[far].Clone();
                continue;
            }

            for (var j = 0; j < width; j++)
            {
                sums[c][j] /= counts[c];
            }
        }

        return sums;
    }
}
