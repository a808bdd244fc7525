using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// When an instalment falls due its interest becomes receivable (Dr interest receivable, Cr interest income), once:
/// the instalment is marked, so end-of-day and a payment on the same day never post it twice.
/// </summary>
public static class DueTransitions
{
    public static IReadOnlyList<JournalEntry> Post(IEnumerable<InstallmentRow> installments, DateOnly upTo, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(installments);
        var entries = new List<JournalEntry>();
        foreach (var due in installments.Where(i => i.DueDate <= upTo && !i.InterestAccrued).OrderBy(i => i.Number))
        {
            if (due.Interest > 0)
            {
                entries.Add(LoanPostings.InterestAccrual(due.DueDate, Money.Of(due.Interest, currency), $"Interest of instalment {due.Number} due"));
            }

            due.InterestAccrued = true;
        }

        return entries;
    }

    /// <summary>What each instalment due by the date still owes.</summary>
    public static IEnumerable<InstallmentDue> Owing(IEnumerable<InstallmentRow> installments, DateOnly upTo) =>
        installments
            .Where(i => i.DueDate <= upTo && !i.IsPaid)
            .Select(i => new InstallmentDue(i.Number, i.DueDate, i.Fee - i.PaidFee, 0m, i.Interest - i.PaidInterest, i.Principal - i.PaidPrincipal));
}
