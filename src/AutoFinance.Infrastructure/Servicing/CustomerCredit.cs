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
        public required Guid EntryId { get; init; }

        public required decimal? Credit { get; init; }

        public required decimal? RefundPayable { get; init; }
    }

    /// <summary>A <see cref="HeldLine"/> with its loan.</summary>
    internal sealed class LoanHeldLine
    {
        public required Guid LoanId { get; init; }

        public required decimal? Credit { get; init; }

        public required decimal? RefundPayable { get; init; }
    }

    /// <summary>The filtered index holding exactly the lines of <see cref="Lines"/>.</summary>
    public const string LinesIndex = "IX_journal_lines_EntryId_Held";

    /// <summary>
    /// The index's filter: the condition of <see cref="Lines"/> as the database writes it. SQLite uses a partial index
    /// only for a query that states the index's condition itself, so the two must stay the same.
    /// </summary>
    public const string LinesFilter = "\"Account\" IN ('" + nameof(LedgerAccount.CustomerOverpayment) + "', '" + nameof(LedgerAccount.RefundPayable) + "')";

    /// <summary>
    /// The lines that hold a customer's money and what each adds to each balance: the one place the rule is written.
    /// The two accounts are rare among the journal's lines, and <see cref="LinesIndex"/> holds only theirs.
    /// </summary>
    private static IQueryable<HeldLine> Lines(AutoFinanceDbContext db) =>
        from line in db.JournalLines
        where line.Account == nameof(LedgerAccount.CustomerOverpayment) || line.Account == nameof(LedgerAccount.RefundPayable)
        select new HeldLine
        {
            EntryId = line.EntryId,
            Credit = line.Account == nameof(LedgerAccount.CustomerOverpayment) ? (line.Side == nameof(EntrySide.Credit) ? line.Amount : -line.Amount) : (decimal?)null,
            RefundPayable = line.Account == nameof(LedgerAccount.RefundPayable) ? (line.Side == nameof(EntrySide.Credit) ? line.Amount : -line.Amount) : (decimal?)null,
        };

    /// <summary>The held lines with their loans, joined through their entries: for one loan, asked from its entries.</summary>
    internal static IQueryable<LoanHeldLine> OfLoans(AutoFinanceDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from held in Lines(db)
               join entry in db.JournalEntries on held.EntryId equals entry.Id
               select new LoanHeldLine { LoanId = entry.LoanId, Credit = held.Credit, RefundPayable = held.RefundPayable };
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

    /// <summary>
    /// Both balances of each loan that has any (a loan missing from the answer holds nothing). Asked from the held
    /// lines, each looking up its entry's loan, rather than from the loans' entries: a page of loans has thousands of
    /// entries and the book few held lines, and a planner without statistics on the journal (a book's first close)
    /// would otherwise scan every entry to join them.
    /// </summary>
    public static async Task<Dictionary<Guid, Held>> HeldAsync(AutoFinanceDbContext db, IReadOnlyCollection<Guid> loanIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lines = await (from held in Lines(db)
                           let loanId = db.JournalEntries.Where(e => e.Id == held.EntryId).Select(e => e.LoanId).First()
                           where loanIds.Contains(loanId)
                           select new { LoanId = loanId, held.Credit, held.RefundPayable }).ToListAsync(ct).ConfigureAwait(false);
        return lines.GroupBy(l => l.LoanId).ToDictionary(g => g.Key, g => new Held(g.Sum(l => l.Credit) ?? 0m, g.Sum(l => l.RefundPayable) ?? 0m));
    }
}
