using AutoFinance.Domain.Monetary;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// What it takes to close a loan on a date: everything due and unpaid (fees, late fees, penalty, interest,
/// principal), the principal not yet due, and the interest of the running period accrued to the date — the
/// instalment's interest pro rata to the days elapsed of its period — less any credit the customer holds.
/// Unbilled fees of later instalments are waived and no prepayment fee applies to booked loans.
/// </summary>
public sealed record PayoffFigures(
    DateOnly On,
    decimal DueUnpaid,
    decimal PrincipalNotDue,
    decimal AccruedInterest,
    decimal Credit,
    decimal Total)
{
    public static PayoffFigures Of(LoanRow loan, IReadOnlyList<InstallmentRow> installments, decimal credit, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(installments);
        var currency = Currency.FromCode(loan.Currency);
        var dueUnpaid = InstallmentBook.Owing(installments, on).Sum(d => d.Total);
        var accrued = AccruedOf(loan, installments, on, currency).Interest;
        var principalNotDue = InstallmentBook.PrincipalNotDue(installments, on);
        var owed = dueUnpaid + principalNotDue + accrued;
        return new PayoffFigures(on, dueUnpaid, principalNotDue, accrued, credit, Math.Max(0m, owed - credit));
    }

    /// <summary>The first instalment not yet due on the date, and the part of its interest run up to the date.</summary>
    public static (InstallmentRow? Running, decimal Interest) AccruedOf(LoanRow loan, IReadOnlyList<InstallmentRow> installments, DateOnly on, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(installments);
        var ordered = installments.OrderBy(i => i.Number).ToList();
        var index = ordered.FindIndex(i => i.DueDate > on);
        if (index < 0)
        {
            return (null, 0m);
        }

        var running = ordered[index];
        var from = index == 0 ? loan.StartDate : ordered[index - 1].DueDate;
        var days = running.DueDate.DayNumber - from.DayNumber;
        var elapsed = Math.Clamp(on.DayNumber - from.DayNumber, 0, days);
        var interest = days == 0 ? 0m : currency.Round(running.Interest * elapsed / days);
        return (running, Math.Max(0m, interest - running.PaidInterest));
    }
}
