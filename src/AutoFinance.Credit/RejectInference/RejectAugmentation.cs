using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.RejectInference;

/// <summary>
/// Builds the training sample of reject inference: the accepts with their outcomes and the rejects with inferred
/// ones, from the PD an accepts-only model gives each of them. Columns are matched by name; the rejects' target is
/// ignored.
/// </summary>
public static class RejectAugmentation
{
    public static CreditDataset Augment(CreditDataset accepts, double[] acceptsPd, CreditDataset rejects, double[] rejectsPd, RejectInferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(accepts);
        ArgumentNullException.ThrowIfNull(acceptsPd);
        ArgumentNullException.ThrowIfNull(rejects);
        ArgumentNullException.ThrowIfNull(rejectsPd);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        var combined = Stack(accepts, rejects);
        var rejectRows = Enumerable.Range(accepts.Rows, rejects.Rows).ToArray();
        return options.Method switch
        {
            InferenceMethod.Parcelling => WithTargets(combined, [.. accepts.Target, .. Parcel(accepts.Target, acceptsPd, rejectsPd, options)]),
            InferenceMethod.FuzzyAugmentation => Fuzzy(combined, accepts.Rows, rejectsPd, options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Method, null),
        };
    }

    /// <summary>Rejects' outcomes by parcelling: per PD band, the uplifted bad rate of the band's accepts.</summary>
    internal static byte[] Parcel(byte[] acceptsTarget, double[] acceptsPd, double[] rejectsPd, RejectInferenceOptions options)
    {
        var sorted = acceptsPd.Order().ToArray();
        var edges = Enumerable.Range(1, options.Bands - 1).Select(b => sorted[(int)((long)(sorted.Length - 1) * b / options.Bands)]).Distinct().ToArray();
        var bandRows = new int[edges.Length + 1];
        var bandBads = new int[edges.Length + 1];
        for (var r = 0; r < acceptsPd.Length; r++)
        {
            var band = Band(edges, acceptsPd[r]);
            bandRows[band]++;
            bandBads[band] += acceptsTarget[r];
        }

        var random = new Random(options.Seed);
        var target = new byte[rejectsPd.Length];
        foreach (var band in Enumerable.Range(0, edges.Length + 1))
        {
            var members = Enumerable.Range(0, rejectsPd.Length).Where(r => Band(edges, rejectsPd[r]) == band).ToArray();
            var rate = bandRows[band] == 0 ? members.Select(r => rejectsPd[r]).DefaultIfEmpty(0).Average() : (double)bandBads[band] / bandRows[band];
            var bads = (int)Math.Round(members.Length * Math.Min(1, rate * options.Uplift), MidpointRounding.AwayFromZero);
            random.Shuffle(members);
            foreach (var r in members.Take(bads))
            {
                target[r] = 1;
            }
        }

        return target;
    }

    private static CreditDataset Fuzzy(CreditDataset combined, int acceptRows, double[] rejectsPd, RejectInferenceOptions options)
    {
        var rows = new List<int>(combined.Rows * options.Replicas);
        var target = new List<byte>(combined.Rows * options.Replicas);
        for (var r = 0; r < combined.Rows; r++)
        {
            var bads = r < acceptRows
                ? combined.Target[r] * options.Replicas
                : (int)Math.Round(options.Replicas * Math.Min(1, rejectsPd[r - acceptRows] * options.Uplift), MidpointRounding.AwayFromZero);
            for (var k = 0; k < options.Replicas; k++)
            {
                rows.Add(r);
                target.Add(k < bads ? (byte)1 : (byte)0);
            }
        }

        return WithTargets(combined.Select(rows), [.. target]);
    }

    private static int Band(double[] edges, double pd)
    {
        var band = 0;
        while (band < edges.Length && pd > edges[band])
        {
            band++;
        }

        return band;
    }

    private static CreditDataset WithTargets(CreditDataset data, byte[] target) => new(data.Columns, target);

    /// <summary>The accepts' rows then the rejects', column by column; a category keeps its text across the two.</summary>
    private static CreditDataset Stack(CreditDataset accepts, CreditDataset rejects)
    {
        var columns = new List<DatasetColumn>(accepts.Columns.Count);
        foreach (var column in accepts.Columns)
        {
            var other = rejects.Find(column.Name) ?? throw new CreditDataException($"the rejects have no column '{column.Name}'");
            columns.Add((column, other) switch
            {
                (NumericColumn a, NumericColumn b) => new NumericColumn(column.Name, [.. a.Values, .. b.Values]),
                (CategoricalColumn a, CategoricalColumn b) => StackCategories(a, b),
                _ => throw new CreditDataException($"the column '{column.Name}' is {column.Kind} among the accepts and {other.Kind} among the rejects"),
            });
        }

        return new CreditDataset(columns, [.. accepts.Target, .. new byte[rejects.Rows]]);
    }

    private static CategoricalColumn StackCategories(CategoricalColumn a, CategoricalColumn b)
    {
        var levels = a.Levels.ToList();
        var index = levels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var codes = new List<int>(a.Codes);
        foreach (var code in b.Codes)
        {
            if (code < 0)
            {
                codes.Add(code);
                continue;
            }

            var level = b.Levels[code];
            if (!index.TryGetValue(level, out var mapped))
            {
                mapped = levels.Count;
                levels.Add(level);
                index[level] = mapped;
            }

            codes.Add(mapped);
        }

        return new CategoricalColumn(a.Name, [.. codes], [.. levels]);
    }
}
