namespace AutoFinance.Credit.Binning;

/// <summary>
/// Weight of evidence and information value of a bin against the totals of the sample:
/// WoE = ln((goods/G) / (bads/B)), IV = (goods/G - bads/B) x WoE. A bin with no goods or no bads gets
/// <c>smoothing</c> added to both counts so that neither is infinite.
/// </summary>
public static class WeightOfEvidence
{
    public static (double Woe, double Iv) Of(int goods, int bads, int totalGoods, int totalBads, double smoothing)
    {
        if (goods + bads == 0)
        {
            return (0, 0);
        }

        double g = goods, b = bads;
        if (goods == 0 || bads == 0)
        {
            g += smoothing;
            b += smoothing;
        }

        var goodShare = g / totalGoods;
        var badShare = b / totalBads;
        var woe = Math.Log(goodShare / badShare);
        return (woe, (goodShare - badShare) * woe);
    }

    public static Bin Complete(Bin bin, int totalGoods, int totalBads, double smoothing)
    {
        var (woe, iv) = Of(bin.Goods, bin.Bads, totalGoods, totalBads, smoothing);
        return bin with { Woe = woe, Iv = iv };
    }
}
