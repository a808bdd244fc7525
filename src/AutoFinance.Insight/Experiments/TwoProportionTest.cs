using MathNet.Numerics.Distributions;

namespace AutoFinance.Insight.Experiments;

/// <summary>The comparison of a treatment's conversion rate with the control's.</summary>
/// <param name="ControlRate">p₁.</param>
/// <param name="TreatmentRate">p₂.</param>
/// <param name="Difference">p₂ − p₁.</param>
/// <param name="Z">The pooled z statistic.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="ConfidenceLow">Lower end of the confidence interval for the difference.</param>
/// <param name="ConfidenceHigh">Upper end.</param>
/// <param name="ConfidenceLevel">1 − α.</param>
public sealed record TwoProportionResult(
    double ControlRate,
    double TreatmentRate,
    double Difference,
    double Z,
    double PValue,
    double ConfidenceLow,
    double ConfidenceHigh,
    double ConfidenceLevel);

/// <summary>The two-proportion z-test.</summary>
/// <remarks>
/// Test (H₀: p₁ = p₂), pooled: p = (x₁ + x₂)/(n₁ + n₂), SE₀ = √(p(1 − p)(1/n₁ + 1/n₂)), z = (p₂ − p₁)/SE₀,
/// p-value = 2·(1 − Φ(|z|)). Interval (Wald, unpooled): (p₂ − p₁) ± z₁₋α/₂·√(p₁(1 − p₁)/n₁ + p₂(1 − p₂)/n₂).
/// With no variation at all (SE₀ = 0) z is 0 and the p-value 1.
/// </remarks>
public static class TwoProportionTest
{
    /// <summary>Compares <paramref name="treatment"/> with <paramref name="control"/>.</summary>
    public static TwoProportionResult Run(ProportionSample control, ProportionSample treatment, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(treatment);
        if (control.Subjects <= 0 || treatment.Subjects <= 0)
        {
            throw new ArgumentException("Both variants need subjects.", nameof(control));
        }

        double n1 = control.Subjects, n2 = treatment.Subjects;
        double p1 = control.Rate, p2 = treatment.Rate;
        var pooled = (control.Conversions + treatment.Conversions) / (n1 + n2);
        var se0 = Math.Sqrt(pooled * (1 - pooled) * ((1 / n1) + (1 / n2)));
        var z = se0 == 0 ? 0 : (p2 - p1) / se0;
        var pValue = se0 == 0 ? 1 : 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));
        var zCritical = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        var se = Math.Sqrt((p1 * (1 - p1) / n1) + (p2 * (1 - p2) / n2));
        var d = p2 - p1;
        return new TwoProportionResult(p1, p2, d, z, pValue, d - (zCritical * se), d + (zCritical * se), 1 - alpha);
    }
}
