namespace AutoFinance.Domain.Products;

/// <summary>What a late payment costs, by product rule.</summary>
/// <param name="GraceDays">Days after the due date before any charge.</param>
/// <param name="FixedFee">A fee per missed instalment, in currency.</param>
/// <param name="PenaltyRateMultiplier">Penalty interest on the overdue amount as a multiple of the contract rate (1.5 = 150%).</param>
public sealed record LateChargeTerms(int GraceDays = 3, decimal FixedFee = 0m, decimal PenaltyRateMultiplier = 1.5m)
{
    public static readonly LateChargeTerms Default = new();
}
