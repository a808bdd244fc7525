using MathNet.Numerics.Distributions;

namespace AutoFinance.Insight.Experiments;

/// <summary>The power calculation that fixes an experiment's size before it starts.</summary>
public static class SampleSize
{
    /// <summary>
    /// Subjects per variant for a two-sided two-proportion z-test to detect rate <paramref name="p2"/> against
    /// <paramref name="p1"/>: n = ( z₁₋α/₂·√(2·p̄·(1 − p̄)) + z₁₋β·√(p₁(1 − p₁) + p₂(1 − p₂)) )² / (p₂ − p₁)², p̄ = (p₁ + p₂)/2,
    /// rounded up. (p₁ = 0.10, p₂ = 0.12, α = 0.05, power 0.8 → 3,841.)
    /// </summary>
    public static int PerVariant(double p1, double p2, double alpha = 0.05, double power = 0.8)
    {
        if (p1 == p2)
        {
            throw new ArgumentException("The rates must differ.", nameof(p2));
        }

        var n = Math.Ceiling(Unrounded(p1, p2, alpha, power));
        if (!(n <= int.MaxValue))
        {
            throw new ArgumentException("The rates are too close to tell apart with any practical sample.", nameof(p2));
        }

        return (int)n;
    }

    /// <summary>The same figure before rounding: infinite when the rates are equal (no sample tells them apart).</summary>
    public static double Unrounded(double p1, double p2, double alpha = 0.05, double power = 0.8)
    {
        if (p1 == p2)
        {
            return double.PositiveInfinity;
        }

        var zAlpha = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        var zBeta = Normal.InvCDF(0, 1, power);
        var pBar = (p1 + p2) / 2;
        var numerator = (zAlpha * Math.Sqrt(2 * pBar * (1 - pBar))) + (zBeta * Math.Sqrt((p1 * (1 - p1)) + (p2 * (1 - p2))));
        return numerator * numerator / ((p2 - p1) * (p2 - p1));
    }
}
