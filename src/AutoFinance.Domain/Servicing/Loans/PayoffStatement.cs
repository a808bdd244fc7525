namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>
/// What closes a loan on a date and its parts. <see cref="Principal"/>, <see cref="Interest"/> and <see cref="Fees"/>
/// (scheduled and late fees, penalty interest, the product's prepayment fee and any unbilled fee it keeps) are
/// everything owed; <see cref="DueUnpaid"/>, <see cref="PrincipalNotDue"/>, <see cref="AccruedInterest"/> (the
/// running period's interest to the date, by the day count) and <see cref="FeesAtPayoff"/> (the product's prepayment
/// fee and the unbilled fees it keeps) say where it comes from. <see cref="Total"/> is what is
/// still to pay after the credit the customer holds.
/// </summary>
public sealed record PayoffStatement(
    DateOnly On,
    decimal Principal,
    decimal Interest,
    decimal Fees,
    decimal DueUnpaid,
    decimal PrincipalNotDue,
    decimal AccruedInterest,
    decimal Credit,
    decimal Total,
    DateOnly InterestFrom,
    decimal FeesAtPayoff = 0m)
{
    /// <summary>Before credit: everything the loan owes on the date.</summary>
    public decimal Owed => Principal + Interest + Fees;
}
