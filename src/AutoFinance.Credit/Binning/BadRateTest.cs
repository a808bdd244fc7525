using MathNet.Numerics;

namespace AutoFinance.Credit.Binning;

/// <summary>
/// The two-sided two-proportion z-test of equal bad rates in two bins, with the pooled rate under the null:
/// z = (p₁ − p₂) / √(p(1 − p)(1/n₁ + 1/n₂)), p-value = erfc(|z| / √2).
/// </summary>
public static class BadRateTest
{
    public static double PValue(int bads1, int count1, int bads2, int count2)
    {
        if (count1 == 0 || count2 == 0)
        {
            return 1;
        }

        var pooled = (double)(bads1 + bads2) / (count1 + count2);
        var variance = pooled * (1 - pooled) * ((1.0 / count1) + (1.0 / count2));
        if (variance <= 0)
        {
            return 1;
        }

        var z = (((double)bads1 / count1) - ((double)bads2 / count2)) / Math.Sqrt(variance);
        return SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));
    }
}
