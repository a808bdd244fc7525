using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Application.Servicing.QuotePayoff;

/// <summary>
/// A payoff quote as the API and the pages show it, from the aggregate's <see cref="PayoffStatement"/>: what is due
/// and unpaid, the principal not yet due, the running period's interest accrued to the date (by the day count), the
/// product's fees at payoff (<see cref="FeesAtPayoff"/>: its prepayment fee and the unbilled fees it keeps), the
/// credit held, and the total still to pay.
/// </summary>
public sealed record PayoffFigures(
    DateOnly On,
    decimal DueUnpaid,
    decimal PrincipalNotDue,
    decimal AccruedInterest,
    decimal Credit,
    decimal Total,
    decimal Principal = 0m,
    decimal Interest = 0m,
    decimal Fees = 0m,
    decimal FeesAtPayoff = 0m)
{
    public static PayoffFigures From(PayoffStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return new PayoffFigures(statement.On, statement.DueUnpaid, statement.PrincipalNotDue, statement.AccruedInterest, statement.Credit, statement.Total,
            statement.Principal, statement.Interest, statement.Fees, statement.FeesAtPayoff);
    }
}
