using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// When an instalment falls due its interest and scheduled fee become receivable (Dr interest receivable, Cr interest
/// income; Dr fee receivable, Cr fee income), once: the instalment is marked, so end-of-day and a payment on the same
/// day never post them twice.
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

            if (due.Fee > 0)
            {
                entries.Add(LoanPostings.FeeDue(due.DueDate, Money.Of(due.Fee, currency), $"Fee of instalment {due.Number} due"));
            }

            due.InterestAccrued = true;
        }

        return entries;
    }
}
