namespace AutoFinance.Credit.Binning;

/// <summary>
/// Bins a numeric characteristic: quantile pre-bins of the ordinary values, then the optimal monotonic grouping;
/// missing values and each sentinel value present get bins of their own.
/// </summary>
internal static class NumericBinner
{
    public static VariableBinning Bin(string name, double[] values, byte[] target, IReadOnlyList<double> specials, BinningOptions options)
    {
        int totalGoods = 0, totalBads = 0, missingGoods = 0, missingBads = 0, ordinary = 0;
        var specialGoods = new int[specials.Count];
        var specialBads = new int[specials.Count];
        for (var row = 0; row < values.Length; row++)
        {
            var bad = target[row];
            totalBads += bad;
            totalGoods += 1 - bad;
            var value = values[row];
            if (double.IsNaN(value))
            {
                missingBads += bad;
                missingGoods += 1 - bad;
                continue;
            }

            var special = IndexOfSpecial(specials, value);
            if (special >= 0)
            {
                specialBads[special] += bad;
                specialGoods[special] += 1 - bad;
                continue;
            }

            ordinary++;
        }

        var sorted = new double[ordinary];
        var sortedTarget = new byte[ordinary];
        var n = 0;
        for (var row = 0; row < values.Length; row++)
        {
            var value = values[row];
            if (!double.IsNaN(value) && IndexOfSpecial(specials, value) < 0)
            {
                sorted[n] = value;
                sortedTarget[n++] = target[row];
            }
        }

        Array.Sort(sorted, sortedTarget);
        var bins = new List<Bin>();
        var trend = options.Trend;
        if (ordinary > 0)
        {
            var cuts = QuantileCuts(sorted, options.PrebinCount);
            var (goods, bads) = CountAtoms(sorted, sortedTarget, cuts);
            var constraints = new OptimalPartitioner.Constraints(
                (int)Math.Ceiling(options.MinBinShare * values.Length), options.MinGoods, options.MinBads, options.MaxBins, options.Smoothing);
            (IReadOnlyList<(int Start, int End)> groups, trend) = Partition(goods, bads, totalGoods, totalBads, constraints, options);
            foreach (var (start, end) in groups)
            {
                bins.Add(new Bin
                {
                    Kind = BinKind.Range,
                    Lower = start == 0 ? null : cuts[start - 1],
                    Upper = end == goods.Length ? null : cuts[end - 1],
                    Goods = Sum(goods, start, end),
                    Bads = Sum(bads, start, end),
                    Woe = 0,
                    Iv = 0,
                });
            }
        }

        if (missingGoods + missingBads > 0)
        {
            bins.Add(new Bin { Kind = BinKind.Missing, Goods = missingGoods, Bads = missingBads, Woe = 0, Iv = 0 });
        }

        for (var s = 0; s < specials.Count; s++)
        {
            if (specialGoods[s] + specialBads[s] > 0)
            {
                bins.Add(new Bin { Kind = BinKind.Special, SpecialValue = specials[s], Goods = specialGoods[s], Bads = specialBads[s], Woe = 0, Iv = 0 });
            }
        }

        return new VariableBinning
        {
            Name = name,
            Kind = Data.ColumnKind.Numeric,
            Bins = [.. bins.Select(b => WeightOfEvidence.Complete(b, totalGoods, totalBads, options.Smoothing))],
            Trend = trend,
            Min = ordinary > 0 ? sorted[0] : null,
            Max = ordinary > 0 ? sorted[^1] : null,
        };
    }

    internal static (IReadOnlyList<(int Start, int End)> Groups, MonotonicTrend Trend) Partition(
        int[] goods, int[] bads, int totalGoods, int totalBads, OptimalPartitioner.Constraints constraints, BinningOptions options)
    {
        var turnConstraints = constraints with { MaxPValue = options.TurnMaxPValue };
        switch (options.Trend)
        {
            case MonotonicTrend.Ascending or MonotonicTrend.Descending:
                return (OptimalPartitioner.Solve(goods, bads, totalGoods, totalBads, constraints, options.Trend == MonotonicTrend.Ascending).Bins, options.Trend);
            case MonotonicTrend.Peak or MonotonicTrend.Valley:
                var shaped = OptimalPartitioner.Solve(goods, bads, totalGoods, totalBads, turnConstraints, options.Trend);
                return shaped is { } found
                    ? (found.Bins, options.Trend)
                    : (OptimalPartitioner.Solve(goods, bads, totalGoods, totalBads, constraints, ascending: true).Bins, MonotonicTrend.Ascending);
        }

        var up = OptimalPartitioner.Solve(goods, bads, totalGoods, totalBads, constraints, ascending: true);
        var down = OptimalPartitioner.Solve(goods, bads, totalGoods, totalBads, constraints, ascending: false);
        var (bins, iv, trend) = down.Iv > up.Iv + 1e-12 ? (down.Bins, down.Iv, MonotonicTrend.Descending) : (up.Bins, up.Iv, MonotonicTrend.Ascending);
        if (!options.ConsiderTurns)
        {
            return (bins, trend);
        }

        // A turn must earn clearly more than the best monotonic grouping, and every step of it must be significant,
        // or it is noise that a monotonic grouping rightly smooths away.
        foreach (var shape in new[] { MonotonicTrend.Peak, MonotonicTrend.Valley })
        {
            if (OptimalPartitioner.Solve(goods, bads, totalGoods, totalBads, turnConstraints, shape) is { } turned
                && turned.Iv > iv * (1 + options.TurnMinIvGain) + 1e-12)
            {
                (bins, iv, trend) = (turned.Bins, turned.Iv, shape);
            }
        }

        return (bins, trend);
    }

    /// <summary>Distinct cut points at the quantiles of the sorted values; pre-bin t holds [cut[t-1], cut[t]).</summary>
    internal static double[] QuantileCuts(double[] sorted, int prebins)
    {
        var cuts = new List<double>(prebins);
        for (var q = 1; q < prebins; q++)
        {
            var cut = sorted[(int)((long)sorted.Length * q / prebins)];
            if (cut > sorted[0] && (cuts.Count == 0 || cut > cuts[^1]))
            {
                cuts.Add(cut);
            }
        }

        return [.. cuts];
    }

    private static (int[] Goods, int[] Bads) CountAtoms(double[] sorted, byte[] sortedTarget, double[] cuts)
    {
        var goods = new int[cuts.Length + 1];
        var bads = new int[cuts.Length + 1];
        var atom = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            while (atom < cuts.Length && sorted[i] >= cuts[atom])
            {
                atom++;
            }

            bads[atom] += sortedTarget[i];
            goods[atom] += 1 - sortedTarget[i];
        }

        return (goods, bads);
    }

    private static int Sum(int[] counts, int start, int end)
    {
        var sum = 0;
        for (var i = start; i < end; i++)
        {
            sum += counts[i];
        }

        return sum;
    }

    private static int IndexOfSpecial(IReadOnlyList<double> specials, double value)
    {
        for (var s = 0; s < specials.Count; s++)
        {
            if (specials[s].Equals(value))
            {
                return s;
            }
        }

        return -1;
    }
}
