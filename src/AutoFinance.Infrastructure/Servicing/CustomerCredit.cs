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

    /// <summary>
    /// What one ledger line adds to its loan's balances: a credit raises its account's balance, a debit lowers it; null
    /// for the other account's balance, to which it adds nothing.
    /// </summary>
    internal sealed class HeldLine
    {
        public required Guid LoanId { get; init; }

        public required decimal? Credit { get; init; }

        public required decimal? RefundPayable { get; init; }
    }

    /// <summary>The filtered index holding exactly the lines of <see cref="OfLoans"/>, by loan.</summary>
    public const string LinesIndex = "IX_journal_lines_LoanId_Held";

    /// <summary>
    /// The index's filter: the condition of <see cref="OfLoans"/> as the database writes it. SQLite uses a partial index
    /// only for a query that states the index's condition itself, so the two must stay the same.
    /// </summary>
    public const string LinesFilter = "\"Account\" IN ('" + nameof(LedgerAccount.CustomerOverpayment) + "', '" + nameof(LedgerAccount.RefundPayable) + "')";

    /// <summary>
    /// The lines that hold a customer's money, with their loans, and what each adds to each balance: the one place the
    /// rule is written. The two accounts are rare among the journal's lines, and <see cref="LinesIndex"/> holds only
    /// theirs, by loan, so asking for a loan's (or a page of loans') reads only those lines.
    /// </summary>
    internal static IQueryable<HeldLine> OfLoans(AutoFinanceDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from line in db.JournalLines
               where line.Account == nameof(LedgerAccount.CustomerOverpayment) || line.Account == nameof(LedgerAccount.RefundPayable)
               select new HeldLine
               {
                   LoanId = line.LoanId,
                   Credit = line.Account == nameof(LedgerAccount.CustomerOverpayment) ? (line.Side == nameof(EntrySide.Credit) ? line.Amount : -line.Amount) : (decimal?)null,
                   RefundPayable = line.Account == nameof(LedgerAccount.RefundPayable) ? (line.Side == nameof(EntrySide.Credit) ? line.Amount : -line.Amount) : (decimal?)null,
               };
    }

    public static async Task<decimal> OfAsync(AutoFinanceDbContext db, Guid loanId, CancellationToken ct) =>
        (await HeldAsync(db, loanId, ct).ConfigureAwait(false)).Credit;

    /// <summary>Both balances of one loan, summed by the database (only the totals travel).</summary>
    public static async Task<Held> HeldAsync(AutoFinanceDbContext db, Guid loanId, CancellationToken ct)
    {
        var totals = await OfLoans(db).Where(h => h.LoanId == loanId).GroupBy(h => h.LoanId)
            .Select(g => new { Credit = g.Sum(h => h.Credit), RefundPayable = g.Sum(h => h.RefundPayable) })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return totals is null ? default : new Held(totals.Credit ?? 0m, totals.RefundPayable ?? 0m);
    }

    /// <summary>Both balances of each loan that has any (a loan missing from the answer holds nothing).</summary>
    public static async Task<Dictionary<Guid, Held>> HeldAsync(AutoFinanceDbContext db, IReadOnlyCollection<Guid> loanIds, CancellationToken ct)
    {
        var lines = await OfLoans(db).Where(h => loanIds.Contains(h.LoanId)).ToListAsync(ct).ConfigureAwait(false);
        return lines.GroupBy(l => l.LoanId).ToDictionary(g => g.Key, g => new Held(g.Sum(l => l.Credit) ?? 0m, g.Sum(l => l.RefundPayable) ?? 0m));
    }

    /// <summary>The refund payable of each loan owed any (of one loan, or of all when none is named).</summary>
    public static async Task<Dictionary<Guid, decimal>> RefundsOwedAsync(AutoFinanceDbContext db, Guid? loanId, CancellationToken ct)
    {
        var lines = await OfLoans(db).Where(h => h.RefundPayable != null && (loanId == null || h.LoanId == loanId))
            .Select(h => new { h.LoanId, Amount = h.RefundPayable!.Value }).ToListAsync(ct).ConfigureAwait(false);
        return lines.GroupBy(l => l.LoanId).Select(g => (g.Key, Balance: g.Sum(l => l.Amount))).Where(b => b.Balance > 0m).ToDictionary(b => b.Key, b => b.Balance);
    }
}
