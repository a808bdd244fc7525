namespace AutoFinance.Insight.Offers;

/// <summary>What offer rules and propensities read about a customer.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="CustomerRate">The current loan's annual rate, as a fraction (0.0588).</param>
/// <param name="MarketRate">Today's annual rate for a comparable new loan, as a fraction.</param>
/// <param name="MonthsOnBook">Months since the current loan was booked.</param>
/// <param name="RemainingTermMonths">Instalments left on the current loan.</param>
/// <param name="CurrentLoanToValue">Outstanding balance over the vehicle's current value.</param>
/// <param name="MaxBucketLast6Months">Worst delinquency bucket in the last 6 months (0 = always current).</param>
/// <param name="DaysToInsuranceExpiry">Days until the vehicle insurance expires; null when unknown or not insured through us.</param>
/// <param name="VehicleAgeYears">The vehicle's age in whole years.</param>
/// <param name="DigitalSessionsLast3Months">App or web sessions in the last 3 months.</param>
public sealed record OfferCustomer(
    string CustomerId,
    decimal CustomerRate,
    decimal MarketRate,
    int MonthsOnBook,
    int RemainingTermMonths,
    decimal CurrentLoanToValue,
    int MaxBucketLast6Months,
    int? DaysToInsuranceExpiry,
    int VehicleAgeYears,
    int DigitalSessionsLast3Months)
{
    /// <summary>Customer rate less market rate, in percentage points (1.2 means 1.2 points above the market).</summary>
    public decimal RateSpreadPoints => (CustomerRate - MarketRate) * 100m;
}
