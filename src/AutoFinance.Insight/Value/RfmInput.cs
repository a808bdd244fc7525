namespace AutoFinance.Insight.Value;

/// <summary>One customer's recency, frequency and monetary facts.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="DaysSinceLastActivity">Days since the last payment, application or loan (fewer is better).</param>
/// <param name="Transactions">Payments, applications and loans counted over the scoring period (more is better).</param>
/// <param name="Monetary">Amount financed or margin earned over the period (more is better).</param>
public sealed record RfmInput(string CustomerId, int DaysSinceLastActivity, int Transactions, decimal Monetary);
