namespace AutoFinance.Domain.Products;

/// <summary>What a late payment costs, by product rule; disclosed with every offer and charged by end-of-day.</summary>
/// <param name="GraceDays">Days after the due date before any charge.</param>
/// <param name="FixedFee">A fee per missed instalment, in currency (¥50 by default).</param>
/// <param name="PenaltyRateMultiplier">Penalty interest on the overdue amount as a multiple of the contract rate (1.5 = 150%).</param>
/// <param name="MinimumPenaltyAnnualRate">
/// The lowest penalty rate whatever the contract rate, so that a promotional loan at 0% or a subsidised rate still
/// pays for lateness: 5.25% a year by default (1.5 × 3.5%, a standard car-loan rate).
/// </param>
public sealed record LateChargeTerms(int GraceDays = 3, decimal FixedFee = 50m, decimal PenaltyRateMultiplier = 1.5m, decimal MinimumPenaltyAnnualRate = 0.0525m)
{
    public static readonly LateChargeTerms Default = new();

    /// <summary>The penalty interest rate of a loan: contract rate × multiplier, at least the minimum (4.9% × 1.5 = 7.35%; 0% → 5.25%).</summary>
    public decimal PenaltyAnnualRate(decimal contractAnnualRate) => Math.Max(contractAnnualRate * PenaltyRateMultiplier, MinimumPenaltyAnnualRate);
}
