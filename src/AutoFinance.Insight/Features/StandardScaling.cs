namespace AutoFinance.Insight.Features;

/// <summary>
/// A fitted z-score transform: for each feature its mean and population standard deviation (divided by n, not n − 1),
/// so that the fitted data has mean 0 and standard deviation 1 in every column.
/// </summary>
/// <remarks>A constant column (standard deviation 0) maps every value to 0: it carries no information for distances.</remarks>
public sealed class StandardScaling
{
    private readonly double[] means;
    private readonly double[] deviations;

    internal StandardScaling(IReadOnlyList<string> featureNames, double[] means, double[] deviations)
    {
        FeatureNames = featureNames;
        this.means = means;
        this.deviations = deviations;
    }

    /// <summary>The feature names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Each feature's mean on the fitted data.</summary>
    public IReadOnlyList<double> Means => means;

    /// <summary>Each feature's population standard deviation on the fitted data.</summary>
    public IReadOnlyList<double> StandardDeviations => deviations;

    /// <summary>Fits the transform on rows of raw feature values (every row as long as <paramref name="featureNames"/>).</summary>
    public static StandardScaling Fit(IReadOnlyList<string> featureNames, IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("At least one row is needed to standardise.", nameof(rows));
        }

        var width = featureNames.Count;
        var means = new double[width];
        var deviations = new double[width];
        foreach (var row in rows)
        {
            CheckWidth(row, width);
            for (var j = 0; j < width; j++)
            {
                means[j] += row[j];
            }
        }

        for (var j = 0; j < width; j++)
        {
            means[j] /= rows.Count;
        }

        foreach (var row in rows)
        {
            for (var j = 0; j < width; j++)
            {
                var d = row[j] - means[j];
                deviations[j] += d * d;
            }
        }

        for (var j = 0; j < width; j++)
        {
            deviations[j] = Math.Sqrt(deviations[j] / rows.Count);
        }

        return new StandardScaling(featureNames.ToArray(), means, deviations);
    }

    /// <summary>One row's z-scores: (value − mean) / standard deviation, 0 for a constant column.</summary>
    public double[] Transform(double[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        CheckWidth(row, means.Length);
        var z = new double[row.Length];
        for (var j = 0; j < row.Length; j++)
        {
            z[j] = deviations[j] == 0 ? 0 : (row[j] - means[j]) / deviations[j];
        }

        return z;
    }

    /// <summary>Every row's z-scores.</summary>
    public double[][] Transform(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Select(Transform).ToArray();
    }

    private static void CheckWidth(double[] row, int width)
    {
        if (row.Length != width)
        {
            throw new ArgumentException($"A row has {row.Length} values; {width} features were named.", nameof(row));
        }
    }
}
