namespace AutoFinance.Domain.Schedules;

/// <summary>
/// A flat fee charged on the original principal, stated either as a total percentage over the whole term
/// or as a monthly percentage (monthly rate × term = total percentage).
/// </summary>
public sealed record FlatFee
{
    private FlatFee(decimal totalFraction, decimal? monthlyFraction, FeeTiming timing)
    {
        TotalFraction = totalFraction;
        MonthlyFraction = monthlyFraction;
        Timing = timing;
    }

    /// <summary>The fee over the whole term as a fraction of principal (0.08 for 8%).</summary>
    public decimal TotalFraction { get; }

    /// <summary>The monthly fee rate as a fraction, when the fee was stated that way.</summary>
    public decimal? MonthlyFraction { get; }

    public FeeTiming Timing { get; }

    public static FlatFee TotalPercent(decimal percent, FeeTiming timing) => new(percent / 100m, null, timing);

    public static FlatFee MonthlyPercent(decimal percent, int termMonths, FeeTiming timing) =>
        new(percent / 100m * termMonths, percent / 100m, timing);

    /// <summary>The whole fee in currency, rounded once to the minor unit.</summary>
    public decimal Amount(decimal principal, Monetary.Currency currency) => currency.Round(principal * TotalFraction);
}
