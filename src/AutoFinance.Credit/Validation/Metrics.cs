namespace AutoFinance.Credit.Validation;

/// <summary>
/// Discrimination and accuracy of predicted probabilities of "bad" against outcomes (1 = bad).
/// AUC counts ties as half (Mann–Whitney); KS is the largest gap between the cumulative score distributions of bads
/// and goods, evaluated only between distinct predictions so ties are never split.
/// </summary>
public static class Metrics
{
    public static double Auc(ReadOnlySpan<double> pd, ReadOnlySpan<byte> bad)
    {
        var (bads, goods) = Classes(bad);
        if (bads == 0 || goods == 0)
        {
            return double.NaN;
        }

        var order = SortedOrder(pd);

        // Sum of the average ranks of the bads, ranks ascending by predicted pd.
        double rankSum = 0;
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            long tiedBads = 0;
            while (j < order.Length && pd[order[j]].Equals(pd[order[i]]))
            {
                tiedBads += bad[order[j]];
                j++;
            }

            var averageRank = (i + 1 + j) / 2.0;
            rankSum += tiedBads * averageRank;
            i = j;
        }

        return (rankSum - (bads * (bads + 1) / 2.0)) / ((double)bads * goods);
    }

    public static double Gini(double auc) => (2 * auc) - 1;

    public static double Ks(ReadOnlySpan<double> pd, ReadOnlySpan<byte> bad)
    {
        var (bads, goods) = Classes(bad);
        if (bads == 0 || goods == 0)
        {
            return double.NaN;
        }

        var order = SortedOrder(pd);

        double cumulativeBads = 0, cumulativeGoods = 0, ks = 0;
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            while (j < order.Length && pd[order[j]].Equals(pd[order[i]]))
            {
                if (bad[order[j]] == 1)
                {
                    cumulativeBads++;
                }
                else
                {
                    cumulativeGoods++;
                }

                j++;
            }

            ks = Math.Max(ks, Math.Abs((cumulativeGoods / goods) - (cumulativeBads / bads)));
            i = j;
        }

        return ks;
    }

    public static double Brier(ReadOnlySpan<double> pd, ReadOnlySpan<byte> bad)
    {
        if (pd.Length == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        for (var i = 0; i < pd.Length; i++)
        {
            var error = pd[i] - bad[i];
            sum += error * error;
        }

        return sum / pd.Length;
    }

    /// <summary>The population stability index of actual shares against expected shares (each summing to 1).</summary>
    public static double Psi(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual)
    {
        // A share of zero would make the index infinite; a tiny floor keeps an empty band visible but finite.
        const double floor = 1e-4;
        double psi = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var e = Math.Max(expected[i], floor);
            var a = Math.Max(actual[i], floor);
            psi += (a - e) * Math.Log(a / e);
        }

        return psi;
    }

    /// <summary>Reads a stability index the way monitoring reports usually do.</summary>
    public static string StabilityVerdict(double psi) => psi switch
    {
        < 0.1 => "stable",
        < 0.25 => "moderate shift",
        _ => "significant shift",
    };

    private static (long Bads, long Goods) Classes(ReadOnlySpan<byte> bad)
    {
        long bads = 0;
        foreach (var b in bad)
        {
            bads += b;
        }

        return (bads, bad.Length - bads);
    }

    private static int[] SortedOrder(ReadOnlySpan<double> pd)
    {
        var keys = pd.ToArray();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        return order;
    }
}
