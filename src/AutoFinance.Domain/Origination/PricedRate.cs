namespace AutoFinance.Domain.Origination;

/// <summary>The price of one plan.</summary>
/// <param name="AnnualRate">The rate the customer pays: the promotion's when one applies, the card rate otherwise.</param>
/// <param name="CardRate">The rate the grade and plan would pay without a promotion.</param>
/// <param name="Promotion">The promotion applied, if any.</param>
/// <param name="Subsidy">What the sponsor pays the lender (see <see cref="Pricing"/>); 0 without a promotion.</param>
public sealed record PricedRate(decimal AnnualRate, decimal CardRate, Promotion? Promotion, decimal Subsidy);
