using AutoFinance.Domain.Monetary;

namespace AutoFinance.Insight.Value;

/// <summary>What lifetime value is computed from, for one customer's remaining relationship.</summary>
/// <param name="MonthlyMargin">Expected margin per month while the customer stays and pays (interest and fees less funding and servicing cost).</param>
/// <param name="RemainingMonths">Months of the relationship left (the remaining term).</param>
/// <param name="MonthlyDefaultProbability">Probability of defaulting in a month, given the customer was active at its start.</param>
/// <param name="MonthlyPrepaymentProbability">Probability of paying off early in a month, given the customer was active and did not default.</param>
/// <param name="AnnualDiscountRate">Annual rate cash is discounted at (the monthly rate is this / 12).</param>
/// <param name="LossGivenDefault">Amount lost if the customer defaults (zero to count margin only).</param>
public sealed record LifetimeValueInput(
    Money MonthlyMargin,
    int RemainingMonths,
    decimal MonthlyDefaultProbability,
    decimal MonthlyPrepaymentProbability,
    decimal AnnualDiscountRate,
    Money LossGivenDefault);
