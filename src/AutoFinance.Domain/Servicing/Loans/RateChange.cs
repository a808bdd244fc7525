namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>
/// What a change of a loan's rate did, for the customer's notice and the record: the rate before and after, the due
/// date it applies from, the principal re-amortised, the payment before and after, and the maturity (unchanged).
/// </summary>
public sealed record RateChange(
    decimal PreviousRate,
    decimal NewRate,
    DateOnly EffectiveOn,
    decimal Principal,
    decimal PreviousPayment,
    decimal NewPayment,
    DateOnly Maturity,
    int Installments);
