namespace AutoFinance.Credit.Explainable;

/// <summary>
/// One boosting step's tiny tree on an ordered run of bins: cut the run greedily, each time where the Newton gain
/// G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) is largest, until it has the leaves allowed or no cut gains; every leaf
/// keeps at least the minimum number of rows.
/// </summary>
internal static class LeafSplitter
{
    /// <summary>The leaves as [start, end) ranges of positions in <paramref name="order"/>.</summary>
    public static List<(int Start, int End)> Split(int[] order, double[] g, double[] h, int[] n, int maxLeaves, int minRows, double l2)
    {
        var leaves = new List<(int Start, int End)> { (0, order.Length) };
        while (leaves.Count < maxLeaves)
        {
            var bestGain = 1e-12;
            int bestLeaf = -1, bestCut = -1;
            for (var l = 0; l < leaves.Count; l++)
            {
                var (start, end) = leaves[l];
                double totalG = 0, totalH = 0;
                var totalN = 0;
                for (var i = start; i < end; i++)
                {
                    totalG += g[order[i]];
                    totalH += h[order[i]];
                    totalN += n[order[i]];
                }

                double leftG = 0, leftH = 0;
                var leftN = 0;
                for (var cut = start + 1; cut < end; cut++)
                {
                    var bin = order[cut - 1];
                    leftG += g[bin];
                    leftH += h[bin];
                    leftN += n[bin];
                    if (leftN < minRows || totalN - leftN < minRows)
                    {
                        continue;
                    }

                    var gain = (leftG * leftG / (leftH + l2)) + ((totalG - leftG) * (totalG - leftG) / (totalH - leftH + l2)) - (totalG * totalG / (totalH + l2));
                    if (gain > bestGain)
                    {
                        (bestGain, bestLeaf, bestCut) = (gain, l, cut);
                    }
                }
            }

            if (bestLeaf < 0)
            {
                break;
            }

            var (s, e) = leaves[bestLeaf];
            leaves[bestLeaf] = (s, bestCut);
            leaves.Insert(bestLeaf + 1, (bestCut, e));
        }

        return leaves;
    }
}
