using AutoFinance.Domain.Servicing;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// The credit a customer holds on a loan (the credit balance of its customer-overpayment account) and what is owed
/// back since it closed (refund payable), both from the ledger.
/// </summary>
public static class CustomerCredit
{
    public readonly record struct Held(decimal Credit, decimal RefundPayable);

    public static async Task<decimal> OfAsync(AutoFinanceDbContext db, Guid loanId, CancellationToken ct) =>
        (await HeldAsync(db, loanId, ct).ConfigureAwait(false)).Credit;

    /// <summary>Both balances of one loan, summed by the database per account and side (only the totals travel).</summary>
    public static async Task<Held> HeldAsync(AutoFinanceDbContext db, Guid loanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var overpayment = nameof(LedgerAccount.CustomerOverpayment);
        var refund = nameof(LedgerAccount.RefundPayable);
        var totals = await (from line in db.JournalLines
                            join entry in db.JournalEntries on line.EntryId equals entry.Id
                            where entry.LoanId == loanId && (line.Account == overpayment || line.Account == refund)
                            group line by new { line.Account, line.Side } into g
                            select new { g.Key.Account, g.Key.Side, Total = g.Sum(l => l.Amount) }).ToListAsync(ct).ConfigureAwait(false);
        return new Held(
            totals.Where(t => t.Account == overpayment).Sum(t => t.Side == nameof(EntrySide.Credit) ? t.Total : -t.Total),
            totals.Where(t => t.Account == refund).Sum(t => t.Side == nameof(EntrySide.Credit) ? t.Total : -t.Total));
    }

    /// <summary>Both balances of each loan that has any (a loan missing from the answer holds nothing).</summary>
    public static async Task<Dictionary<Guid, Held>> HeldAsync(AutoFinanceDbContext db, IReadOnlyCollection<Guid> loanIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var overpayment = nameof(LedgerAccount.CustomerOverpayment);
        var refund = nameof(LedgerAccount.RefundPayable);
        var lines = await (from line in db.JournalLines
                           join entry in db.JournalEntries on line.EntryId equals entry.Id
                           where loanIds.Contains(entry.LoanId) && (line.Account == overpayment || line.Account == refund)
                           select new { entry.LoanId, line.Account, line.Side, line.Amount }).ToListAsync(ct).ConfigureAwait(false);
        return lines.GroupBy(l => l.LoanId).ToDictionary(
            g => g.Key,
            g => new Held(
                g.Where(l => l.Account == overpayment).Sum(l => l.Side == nameof(EntrySide.Credit) ? l.Amount : -l.Amount),
                g.Where(l => l.Account == refund).Sum(l => l.Side == nameof(EntrySide.Credit) ? l.Amount : -l.Amount)));
    }
}
