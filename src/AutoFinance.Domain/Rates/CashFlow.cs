namespace AutoFinance.Domain.Rates;

/// <summary>A dated amount: an advance to the borrower or a payment by the borrower (always positive here).</summary>
/// <param name="Years">For the EU method only: time from the first advance in years, given instead of a date.</param>
public readonly record struct CashFlow(DateOnly Date, decimal Amount, double? Years = null);
