using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Products;

namespace AutoFinance.Domain.Servicing.LateCharges;

/// <summary>
/// Everything that prices lateness on one loan: the product's <see cref="LateChargeTerms"/>, the contract rate the
/// penalty multiplies, the currency, the day count of the penalty (actual/365 unless the contract says otherwise) and
/// from which day the penalty counts.
/// </summary>
public sealed record LateChargePolicy(
    LateChargeTerms Terms,
    decimal AnnualRate,
    Currency Currency,
    DayCountConvention DayCount = DayCountConvention.Actual365,
    PenaltyStart PenaltyStart = PenaltyStart.FromDueDate)
{
    /// <summary>The penalty interest rate by the product's terms (see <see cref="LateChargeTerms.PenaltyAnnualRate"/>).</summary>
    public decimal PenaltyAnnualRate => Terms.PenaltyAnnualRate(AnnualRate);
}
