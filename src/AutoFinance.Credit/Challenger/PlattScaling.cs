using AutoFinance.Credit.Modelling;

namespace AutoFinance.Credit.Challenger;

/// <summary>
/// Platt scaling: pd = 1 / (1 + exp(−(A·raw + B))), a one-input logistic regression of the outcome on the raw
/// boosting score. Fitted on out-of-fold scores, so the booster's in-sample over-confidence does not leak into pd.
/// </summary>
internal static class PlattScaling
{
    /// <summary>A token penalty only keeps the Newton solve defined should the scores separate the classes perfectly.</summary>
    private const double Penalty = 1e-6;

    public static (double A, double B) Fit(double[] raw, ReadOnlySpan<byte> target)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var fit = LogisticRegression.Fit([raw], target, Penalty);
        return (fit.Coefficients[0], fit.Intercept);
    }

    public static double Pd(double raw, double a, double b) => LogisticRegression.Sigmoid((a * raw) + b);
}
