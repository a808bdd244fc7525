namespace AutoFinance.Domain.Products;

/// <summary>What early repayment costs, by product rule.</summary>
/// <param name="FeeFraction">Prepayment fee as a fraction of the principal repaid early (0.02 for 2%).</param>
/// <param name="FeeWithinMonths">The fee applies only while fewer than this many months have passed since disbursement; null = always.</param>
/// <param name="UnearnedFlatFeeDue">Whether a spread flat fee not yet billed is still owed on payoff (otherwise it is waived).</param>
public sealed record PrepaymentTerms(decimal FeeFraction = 0m, int? FeeWithinMonths = null, bool UnearnedFlatFeeDue = false)
{
    public static readonly PrepaymentTerms None = new();
}
