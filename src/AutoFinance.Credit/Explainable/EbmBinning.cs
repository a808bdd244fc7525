using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Explainable;

/// <summary>Learns each input's bins from a training sample and puts the rows of any sample into them.</summary>
internal static class EbmBinning
{
    /// <summary>A row's bin when its category was never seen in training: it scores 0 in every term.</summary>
    public const int Unseen = -1;

    public static IReadOnlyList<EbmFeature> Learn(CreditDataset train, int maxBins)
    {
        var features = new List<EbmFeature>();
        foreach (var column in train.Columns)
        {
            switch (column)
            {
                case NumericColumn numeric:
                    var present = numeric.Values.Where(v => !double.IsNaN(v)).Order().ToArray();
                    if (present.Length > 0)
                    {
                        features.Add(new EbmFeature(column.Name, ColumnKind.Numeric, UpperEdges(present, maxBins), []));
                    }

                    break;
                case CategoricalColumn categorical:
                    var seen = categorical.Codes.Where(c => c >= 0).Distinct().Order().Select(c => categorical.Levels[c]).ToArray();
                    if (seen.Length > 0)
                    {
                        features.Add(new EbmFeature(column.Name, ColumnKind.Categorical, [], seen));
                    }

                    break;
            }
        }

        if (features.Count == 0)
        {
            throw new CreditDataException("the explainable boosting machine has no input: every column is missing in the training rows");
        }

        return features;
    }

    /// <summary>The bin of every row for every feature, columns found by name.</summary>
    public static int[][] Assign(IReadOnlyList<EbmFeature> features, CreditDataset data)
    {
        var bins = new int[features.Count][];
        for (var f = 0; f < features.Count; f++)
        {
            var feature = features[f];
            var column = data.Find(feature.Name) ?? throw new CreditDataException($"the column '{feature.Name}' the model needs is not in the data");
            bins[f] = (feature.Kind, column) switch
            {
                (ColumnKind.Numeric, NumericColumn n) => [.. n.Values.Select(v => NumericBin(feature, v))],
                (ColumnKind.Categorical, CategoricalColumn c) => CategoryBins(feature, c),
                _ => throw new CreditDataException($"the column '{feature.Name}' is {column.Kind} but the model reads it as {feature.Kind}"),
            };
        }

        return bins;
    }

    public static int NumericBin(EbmFeature feature, double value)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        var edges = (IReadOnlyList<double>)feature.Edges;
        int lo = 0, hi = edges.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (edges[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return 1 + lo;
    }

    private static int[] CategoryBins(EbmFeature feature, CategoricalColumn column)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < feature.Levels.Count; i++)
        {
            index.TryAdd(feature.Levels[i], 1 + i);
        }

        var binOfCode = column.Levels.Select(l => index.GetValueOrDefault(l, Unseen)).ToArray();
        return [.. column.Codes.Select(c => c < 0 ? 0 : binOfCode[c])];
    }

    /// <summary>Distinct values at the 1/k … (k−1)/k quantiles: each bin ends at (and includes) one of them.</summary>
    private static double[] UpperEdges(double[] sorted, int bins)
    {
        var edges = new List<double>(bins);
        for (var q = 1; q < bins; q++)
        {
            var edge = sorted[(int)((long)(sorted.Length - 1) * q / bins)];
            if (edge < sorted[^1] && (edges.Count == 0 || edge > edges[^1]))
            {
                edges.Add(edge);
            }
        }

        return [.. edges];
    }
}
