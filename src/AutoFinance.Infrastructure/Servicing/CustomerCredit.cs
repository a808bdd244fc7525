using AutoFinance.Domain.Servicing;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>The overpayment a customer holds on a loan: the credit balance of its customer-overpayment account.</summary>
public static class CustomerCredit
{
    public static async Task<decimal> OfAsync(AutoFinanceDbContext db, Guid loanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var account = nameof(LedgerAccount.CustomerOverpayment);
        var lines = await (from line in db.JournalLines
                           join entry in db.JournalEntries on line.EntryId equals entry.Id
                           where entry.LoanId == loanId && line.Account == account
                           select new { line.Side, line.Amount }).ToListAsync(ct).ConfigureAwait(false);
        return lines.Sum(l => l.Side == nameof(EntrySide.Credit) ? l.Amount : -l.Amount);
    }
}
