using AutoFinance.Application.Security;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>Loans as their readers may see them (the same object rule as applications), with balances from the ledger.</summary>
public sealed class LoanQueries(AutoFinanceDbContext db)
{
    public sealed record InstallmentView(int Number, DateOnly DueDate, decimal Payment, decimal Principal, decimal Interest, decimal Fee, decimal Balance);

    public sealed record LineView(string Account, string Side, decimal Amount);

    public sealed record EntryView(DateOnly BusinessDate, string Kind, string Description, IReadOnlyList<LineView> Lines);

    public sealed record LoanSummary(Guid LoanId, string Reference, string Status, decimal Principal, decimal AnnualRate, int TermMonths, string Method, DateOnly StartDate);

    public sealed record LoanView(
        LoanSummary Summary,
        IReadOnlyList<InstallmentView> Schedule,
        IReadOnlyDictionary<string, decimal> Balances,
        decimal TrialBalanceNet,
        IReadOnlyList<EntryView>? Entries);

    public async Task<IReadOnlyList<LoanSummary>> ListAsync(Actor actor, CancellationToken ct) =>
        await Visible(actor).OrderByDescending(l => l.BookedAt).Take(200).Select(l => Summary(l)).ToListAsync(ct).ConfigureAwait(false);

    public async Task<LoanView?> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var loan = await Visible(actor).FirstOrDefaultAsync(l => l.Id == id, ct).ConfigureAwait(false);
        if (loan is null)
        {
            return null;
        }

        var installments = await db.Installments.AsNoTracking().Where(i => i.LoanId == id).OrderBy(i => i.Number)
            .Select(i => new InstallmentView(i.Number, i.DueDate, i.Payment, i.Principal, i.Interest, i.Fee, i.Balance)).ToListAsync(ct).ConfigureAwait(false);
        var rows = await db.JournalEntries.AsNoTracking().Include(e => e.Lines).Where(e => e.LoanId == id).OrderBy(e => e.BusinessDate).ThenBy(e => e.Id)
            .ToListAsync(ct).ConfigureAwait(false);
        var currency = Currency.FromCode(loan.Currency);
        var ledger = Ledger.Of(currency, rows.Select(r => LoanBooking.FromRow(r, currency)));
        var balances = LedgerAccounts.All.ToDictionary(a => a.ToString(), a => ledger.Balances.Of(a));
        return new LoanView(
            Summary(loan),
            installments,
            balances,
            ledger.TrialBalance.Net,
            actor.IsStaff ? [.. rows.Select(r => new EntryView(r.BusinessDate, r.Kind, r.Description, [.. r.Lines.Select(l => new LineView(l.Account, l.Side, l.Amount))]))] : null);
    }

    private static LoanSummary Summary(LoanRow l) =>
        new(l.Id, l.Reference, l.Status, l.Principal, Math.Round(l.AnnualRate * 100m, 4), l.TermMonths, l.Method, l.StartDate);

    private IQueryable<LoanRow> Visible(Actor actor) => actor.Role switch
    {
        Roles.Customer => actor.CustomerId is { } customer ? db.Loans.AsNoTracking().Where(l => l.CustomerId == customer) : db.Loans.Where(_ => false),
        Roles.Dealer => actor.DealerId is { } dealer ? db.Loans.AsNoTracking().Where(l => l.DealerId == dealer) : db.Loans.Where(_ => false),
        _ => actor.IsStaff ? db.Loans.AsNoTracking() : db.Loans.Where(_ => false),
    };
}
