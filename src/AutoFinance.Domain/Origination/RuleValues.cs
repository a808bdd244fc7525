using System.Globalization;
using AutoFinance.Domain.Monetary;

namespace AutoFinance.Domain.Origination;

/// <summary>The invariant text forms of the figures an outcome carries in its values.</summary>
internal static class RuleValues
{
    /// <summary>
    /// A ratio to four decimals, rounded toward the side of the limit it fell on — down when it passed, up when it
    /// failed — so the shown figure never contradicts the outcome (a loan 80,000.01 on 100,000.00 shows 0.8001, not 0.8000).
    /// </summary>
    public static string Ratio(decimal ratio, bool passed) =>
        Math.Round(ratio, 4, passed ? MidpointRounding.ToNegativeInfinity : MidpointRounding.ToPositiveInfinity).ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>A limit to four decimals.</summary>
    public static string Limit(decimal ratio) => ratio.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Amount(decimal amount, Currency currency) => currency.Normalize(amount).ToString(CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
