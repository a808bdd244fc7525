namespace AutoFinance.Credit.Binning;

/// <summary>
/// Groups an ordered run of atoms (quantile pre-bins, or categories sorted by bad rate) into contiguous bins that
/// maximise the total information value, subject to a bad-rate shape (strictly ascending, strictly descending, or
/// one turn: up then down for a peak, down then up for a valley), a minimum bin size, minimum goods and bads per
/// bin, a maximum number of bins and, optionally, a bad rate that differs significantly between neighbouring bins.
/// Dynamic programming over (bins used, last bin, phase of the shape) finds the exact optimum, where greedy merging
/// (chi-merge) finds a local one: O(K·m³) for m atoms and K bins, trivial for the 20–200 atoms a characteristic
/// has. Written by hand: no .NET library does constrained optimal binning.
/// </summary>
internal static class OptimalPartitioner
{
    /// <param name="MaxPValue">
    /// Neighbouring bins must differ in bad rate with a two-sided two-proportion z-test p-value at most this; 1 turns
    /// the test off.
    /// </param>
    public readonly record struct Constraints(int MinCount, int MinGoods, int MinBads, int MaxBins, double Smoothing, double MaxPValue = 1);

    public static (IReadOnlyList<(int Start, int End)> Bins, double Iv) Solve(
        ReadOnlySpan<int> goods, ReadOnlySpan<int> bads, int totalGoods, int totalBads, Constraints constraints, bool ascending) =>
        Solve(goods, bads, totalGoods, totalBads, constraints, ascending ? MonotonicTrend.Ascending : MonotonicTrend.Descending)
            ?? WholeRange(goods, bads, totalGoods, totalBads, constraints);

    /// <summary>
    /// The bins as [start, end) ranges of atoms. A monotonic shape with no feasible split gives a single bin; a peak or
    /// valley with no feasible turn gives null (it would only repeat a monotonic grouping).
    /// </summary>
    public static (IReadOnlyList<(int Start, int End)> Bins, double Iv)? Solve(
        ReadOnlySpan<int> goods, ReadOnlySpan<int> bads, int totalGoods, int totalBads, Constraints constraints, MonotonicTrend shape)
    {
        if (shape == MonotonicTrend.Auto)
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "a shape to solve for, not Auto");
        }

        var m = goods.Length;
        if (m == 0)
        {
            return ([], 0);
        }

        var prefixGoods = new int[m + 1];
        var prefixBads = new int[m + 1];
        for (var a = 0; a < m; a++)
        {
            prefixGoods[a + 1] = prefixGoods[a] + goods[a];
            prefixBads[a + 1] = prefixBads[a] + bads[a];
        }

        var iv = new double[m, m + 1];
        for (var i = 0; i < m; i++)
        {
            for (var j = i + 1; j <= m; j++)
            {
                var g = prefixGoods[j] - prefixGoods[i];
                var b = prefixBads[j] - prefixBads[i];
                var feasible = g + b >= constraints.MinCount && g >= constraints.MinGoods && b >= constraints.MinBads && g + b > 0;
                iv[i, j] = feasible ? WeightOfEvidence.Of(g, b, totalGoods, totalBads, constraints.Smoothing).Iv : double.NaN;
            }
        }

        var turned = shape is MonotonicTrend.Peak or MonotonicTrend.Valley;
        var phases = turned ? 2 : 1;
        var maxBins = Math.Max(1, Math.Min(constraints.MaxBins, m));
        var best = new double[maxBins + 1, m, m + 1, phases];
        var parent = new int[maxBins + 1, m, m + 1, phases];
        for (var k = 1; k <= maxBins; k++)
        {
            for (var i = 0; i < m; i++)
            {
                for (var j = i + 1; j <= m; j++)
                {
                    for (var p = 0; p < phases; p++)
                    {
                        best[k, i, j, p] = double.NaN;
                        parent[k, i, j, p] = -1;
                    }

                    if (double.IsNaN(iv[i, j]))
                    {
                        continue;
                    }

                    if (k == 1)
                    {
                        if (i == 0)
                        {
                            best[k, i, j, 0] = iv[i, j];
                        }

                        continue;
                    }

                    for (var h = 0; h < i; h++)
                    {
                        for (var previousPhase = 0; previousPhase < phases; previousPhase++)
                        {
                            var previous = best[k - 1, h, i, previousPhase];
                            if (double.IsNaN(previous))
                            {
                                continue;
                            }

                            var step = Step(prefixGoods, prefixBads, h, i, j, constraints.MaxPValue);
                            if (NextPhase(shape, previousPhase, step) is not { } phase)
                            {
                                continue;
                            }

                            if (double.IsNaN(best[k, i, j, phase]) || previous + iv[i, j] > best[k, i, j, phase])
                            {
                                best[k, i, j, phase] = previous + iv[i, j];
                                parent[k, i, j, phase] = (h * phases) + previousPhase;
                            }
                        }
                    }
                }
            }
        }

        // A peak or valley must turn; without a turn it is one of the monotonic shapes, solved on their own.
        var finalPhase = turned ? 1 : 0;
        var bestIv = double.NaN;
        int bestK = -1, bestI = -1;
        for (var k = 1; k <= maxBins; k++)
        {
            for (var i = 0; i < m; i++)
            {
                var value = best[k, i, m, finalPhase];

                // A tie goes to the partition with fewer bins: simpler at the same information value.
                if (!double.IsNaN(value) && (double.IsNaN(bestIv) || value > bestIv + 1e-12))
                {
                    bestIv = value;
                    bestK = k;
                    bestI = i;
                }
            }
        }

        if (bestK < 0)
        {
            return turned ? null : WholeRange(goods, bads, totalGoods, totalBads, constraints);
        }

        var bins = new List<(int, int)>();
        int end = m, start = bestI, phaseNow = finalPhase;
        for (var k = bestK; k >= 1; k--)
        {
            bins.Add((start, end));
            var link = parent[k, start, end, phaseNow];
            end = start;
            start = link < 0 ? -1 : link / phases;
            phaseNow = link < 0 ? 0 : link % phases;
        }

        bins.Reverse();
        return (bins, bestIv);
    }

    /// <summary>How the bad rate moves from bin [h, i) to bin [i, j): +1 up, −1 down, 0 level or not significant.</summary>
    private static int Step(int[] prefixGoods, int[] prefixBads, int h, int i, int j, double maxPValue)
    {
        int n1 = prefixGoods[i] - prefixGoods[h] + prefixBads[i] - prefixBads[h], b1 = prefixBads[i] - prefixBads[h];
        int n2 = prefixGoods[j] - prefixGoods[i] + prefixBads[j] - prefixBads[i], b2 = prefixBads[j] - prefixBads[i];
        var r1 = n1 == 0 ? 0 : (double)b1 / n1;
        var r2 = n2 == 0 ? 0 : (double)b2 / n2;
        if (r1 == r2 || (maxPValue < 1 && BadRateTest.PValue(b1, n1, b2, n2) > maxPValue))
        {
            return 0;
        }

        return r2 > r1 ? 1 : -1;
    }

    private static int? NextPhase(MonotonicTrend shape, int phase, int step) => (shape, phase, step) switch
    {
        (_, _, 0) => null,
        (MonotonicTrend.Ascending, 0, 1) => 0,
        (MonotonicTrend.Descending, 0, -1) => 0,
        (MonotonicTrend.Peak, 0, 1) => 0,
        (MonotonicTrend.Peak, _, -1) => 1,
        (MonotonicTrend.Valley, 0, -1) => 0,
        (MonotonicTrend.Valley, _, 1) => 1,
        _ => null,
    };

    private static (IReadOnlyList<(int Start, int End)> Bins, double Iv) WholeRange(
        ReadOnlySpan<int> goods, ReadOnlySpan<int> bads, int totalGoods, int totalBads, Constraints constraints)
    {
        int g = 0, b = 0;
        for (var a = 0; a < goods.Length; a++)
        {
            g += goods[a];
            b += bads[a];
        }

        return ([(0, goods.Length)], WeightOfEvidence.Of(g, b, totalGoods, totalBads, constraints.Smoothing).Iv);
    }
}
