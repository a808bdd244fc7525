using AutoFinance.Credit.Artefacts;

namespace AutoFinance.Credit.Validation;

/// <summary>The figures of a validation report, computed from predictions and outcomes.</summary>
public static class ValidationTables
{
    public static PerformanceFigures Performance(ReadOnlySpan<double> pd, ReadOnlySpan<byte> bad)
    {
        var auc = Metrics.Auc(pd, bad);
        var bads = 0;
        foreach (var b in bad)
        {
            bads += b;
        }

        return new PerformanceFigures(pd.Length, bads, auc, Metrics.Gini(auc), Metrics.Ks(pd, bad), Metrics.Brier(pd, bad));
    }

    /// <summary>Observed bad rate against mean predicted PD per grade, best grade first.</summary>
    public static IReadOnlyList<CalibrationRow> Calibration(IReadOnlyList<string> grades, ReadOnlySpan<int> grade, ReadOnlySpan<double> pd, ReadOnlySpan<byte> bad)
    {
        ArgumentNullException.ThrowIfNull(grades);
        var count = new int[grades.Count];
        var bads = new int[grades.Count];
        var pdSum = new double[grades.Count];
        for (var i = 0; i < grade.Length; i++)
        {
            count[grade[i]]++;
            bads[grade[i]] += bad[i];
            pdSum[grade[i]] += pd[i];
        }

        return [.. Enumerable.Range(0, grades.Count).Select(g => new CalibrationRow(
            grades[g], count[g], bads[g], count[g] == 0 ? 0 : (double)bads[g] / count[g], count[g] == 0 ? 0 : pdSum[g] / count[g]))];
    }

    /// <summary>Rows ranked riskiest first and cut into ten equal groups: bad rate, lift and cumulative share of bads caught.</summary>
    public static IReadOnlyList<LiftRow> Lift(ReadOnlySpan<double> pd, ReadOnlySpan<byte> bad)
    {
        var n = pd.Length;
        var keys = new double[n];
        var order = new int[n];
        var totalBads = 0;
        for (var i = 0; i < n; i++)
        {
            keys[i] = -pd[i];
            order[i] = i;
            totalBads += bad[i];
        }

        Array.Sort(keys, order);
        var overall = n == 0 ? 0 : (double)totalBads / n;
        var rows = new List<LiftRow>();
        var caught = 0;
        for (var d = 0; d < 10; d++)
        {
            var start = (int)((long)n * d / 10);
            var end = (int)((long)n * (d + 1) / 10);
            var bads = 0;
            for (var i = start; i < end; i++)
            {
                bads += bad[order[i]];
            }

            caught += bads;
            var count = end - start;
            var rate = count == 0 ? 0 : (double)bads / count;
            rows.Add(new LiftRow(d + 1, count, bads, rate, overall == 0 ? 0 : rate / overall, totalBads == 0 ? 0 : (double)caught / totalBads));
        }

        return rows;
    }

    /// <summary>Ten score bands at the deciles of the given scores, with their shares: the PSI baseline.</summary>
    public static PopulationRecord ScoreBands(ReadOnlySpan<double> scores)
    {
        var sorted = scores.ToArray();
        Array.Sort(sorted);
        var edges = new List<double>();
        for (var d = 1; d < 10; d++)
        {
            var edge = sorted[(int)((long)sorted.Length * d / 10)];
            if (edge > sorted[0] && (edges.Count == 0 || edge > edges[^1]))
            {
                edges.Add(edge);
            }
        }

        var bands = new List<ScoreBand>();
        for (var b = 0; b <= edges.Count; b++)
        {
            double? lower = b == 0 ? null : edges[b - 1];
            double? upper = b == edges.Count ? null : edges[b];
            bands.Add(new ScoreBand(lower, upper, 0));
        }

        var shares = Shares(bands, scores);
        return new PopulationRecord([.. bands.Select((band, i) => band with { Share = shares[i] })]);
    }

    public static double[] Shares(IReadOnlyList<ScoreBand> bands, ReadOnlySpan<double> scores)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var counts = new double[bands.Count];
        foreach (var score in scores)
        {
            var band = 0;
            while (band < bands.Count - 1 && bands[band].Upper is { } upper && score >= upper)
            {
                band++;
            }

            counts[band]++;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = scores.Length == 0 ? 0 : counts[i] / scores.Length;
        }

        return counts;
    }
}
