namespace AutoFinance.Credit.Binning;

/// <summary>
/// Groups an ordered run of atoms (quantile pre-bins, or categories sorted by bad rate) into contiguous bins that
/// maximise the total information value, subject to a strictly monotonic bad rate, a minimum bin size, minimum goods
/// and bads per bin and a maximum number of bins. Dynamic programming over (bins used, last bin) finds the exact
/// optimum, where greedy merging (chi-merge) finds a local one: O(K·m³) for m atoms and K bins, trivial for the
/// 20–200 atoms a characteristic has. Written by hand: no .NET library does constrained optimal binning.
/// </summary>
internal static class OptimalPartitioner
{
    public readonly record struct Constraints(int MinCount, int MinGoods, int MinBads, int MaxBins, double Smoothing);

    /// <summary>The bins as [start, end) ranges of atoms, or a single bin when no split satisfies the constraints.</summary>
    public static (IReadOnlyList<(int Start, int End)> Bins, double Iv) Solve(
        ReadOnlySpan<int> goods, ReadOnlySpan<int> bads, int totalGoods, int totalBads, Constraints constraints, bool ascending)
    {
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
        var rate = new double[m, m + 1];
        for (var i = 0; i < m; i++)
        {
            for (var j = i + 1; j <= m; j++)
            {
                var g = prefixGoods[j] - prefixGoods[i];
                var b = prefixBads[j] - prefixBads[i];
                var feasible = g + b >= constraints.MinCount && g >= constraints.MinGoods && b >= constraints.MinBads && g + b > 0;
                iv[i, j] = feasible ? WeightOfEvidence.Of(g, b, totalGoods, totalBads, constraints.Smoothing).Iv : double.NaN;
                rate[i, j] = g + b == 0 ? 0 : (double)b / (g + b);
            }
        }

        var maxBins = Math.Max(1, Math.Min(constraints.MaxBins, m));
        var best = new double[maxBins + 1, m, m + 1];
        var parent = new int[maxBins + 1, m, m + 1];
        for (var k = 1; k <= maxBins; k++)
        {
            for (var i = 0; i < m; i++)
            {
                for (var j = i + 1; j <= m; j++)
                {
                    best[k, i, j] = double.NaN;
                    parent[k, i, j] = -1;
                    if (double.IsNaN(iv[i, j]))
                    {
                        continue;
                    }

                    if (k == 1)
                    {
                        if (i == 0)
                        {
                            best[k, i, j] = iv[i, j];
                        }

                        continue;
                    }

                    var bestPrevious = double.NaN;
                    var bestStart = -1;
                    for (var h = 0; h < i; h++)
                    {
                        var previous = best[k - 1, h, i];
                        if (double.IsNaN(previous))
                        {
                            continue;
                        }

                        var ordered = ascending ? rate[h, i] < rate[i, j] : rate[h, i] > rate[i, j];
                        if (ordered && (double.IsNaN(bestPrevious) || previous > bestPrevious))
                        {
                            bestPrevious = previous;
                            bestStart = h;
                        }
                    }

                    if (bestStart >= 0)
                    {
                        best[k, i, j] = bestPrevious + iv[i, j];
                        parent[k, i, j] = bestStart;
                    }
                }
            }
        }

        var bestIv = double.NaN;
        int bestK = -1, bestI = -1;
        for (var k = 1; k <= maxBins; k++)
        {
            for (var i = 0; i < m; i++)
            {
                var value = best[k, i, m];

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
            var whole = WeightOfEvidence.Of(prefixGoods[m], prefixBads[m], totalGoods, totalBads, constraints.Smoothing).Iv;
            return ([(0, m)], whole);
        }

        var bins = new List<(int, int)>();
        int end = m, start = bestI;
        for (var k = bestK; k >= 1; k--)
        {
            bins.Add((start, end));
            var previousStart = parent[k, start, end];
            end = start;
            start = previousStart;
        }

        bins.Reverse();
        return (bins, bestIv);
    }
}
