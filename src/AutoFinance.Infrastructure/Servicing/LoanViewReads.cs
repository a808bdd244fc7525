using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// The queries of a loan's view (<see cref="LoanQueries.GetAsync"/>), compiled once per model: building, funcletizing
/// and looking up each LINQ tree cost more of the host's time per read than running the statements. The loan comes with
/// its product's names and (for staff) how many journal entries it has, in one round trip.
/// </summary>
internal static class LoanViewReads
{
    /// <summary>The loan's row, its application's product code and accepted offer's promotion, and (when asked) its journal's entry count.</summary>
    internal sealed class Head
    {
        public required LoanRow Loan { get; init; }

        public string? ProductCode { get; init; }

        public string? Promotion { get; init; }

        public int EntryCount { get; init; }
    }

    /// <summary>A total of the loan's journal lines on one account and side.</summary>
    internal sealed record LineTotal(string Account, string Side, decimal Total);

    // Who may see the loan is a parameter, not a choice of query: anyone (staff), or the one customer or dealer owning it.
    private static readonly PerModel<Func<AutoFinanceDbContext, Guid, bool, bool, bool, Guid, bool, CancellationToken, Task<Head?>>> Heads = new(() =>
        EF.CompileAsyncQuery((AutoFinanceDbContext db, Guid id, bool anyone, bool byCustomer, bool byDealer, Guid owner, bool counted, CancellationToken ct) =>
            db.Loans.AsNoTracking()
                .Where(l => l.Id == id && (anyone || (byCustomer && l.CustomerId == owner) || (byDealer && l.DealerId == owner)))
                .Select(l => new Head
                {
                    Loan = l,
                    ProductCode = db.Applications.Where(a => a.Id == l.ApplicationId).Select(a => a.ProductCode).FirstOrDefault(),
                    Promotion = db.Contracts.Where(c => c.Id == l.ContractId).Join(db.Offers, c => c.OfferId, o => o.Id, (c, o) => o.PromotionName).FirstOrDefault(),
                    EntryCount = counted ? db.JournalEntries.Count(e => e.LoanId == l.Id) : 0,
                })
                .FirstOrDefault()));

    private static readonly PerModel<Func<AutoFinanceDbContext, Guid, IAsyncEnumerable<InstallmentRow>>> Schedule = new(() =>
        EF.CompileAsyncQuery<AutoFinanceDbContext, Guid, InstallmentRow>((db, id) => db.Installments.AsNoTracking().Where(i => i.LoanId == id).OrderBy(i => i.Number)));

    private static readonly PerModel<Func<AutoFinanceDbContext, Guid, IAsyncEnumerable<LineTotal>>> Totals = new(() =>
        EF.CompileAsyncQuery((AutoFinanceDbContext db, Guid id) =>
            from line in db.JournalLines
            join entry in db.JournalEntries on line.EntryId equals entry.Id
            where entry.LoanId == id
            group line by new { line.Account, line.Side } into g
            select new LineTotal(g.Key.Account, g.Key.Side, g.Sum(l => l.Amount))));

    private static readonly PerModel<Func<AutoFinanceDbContext, Guid, bool, IAsyncEnumerable<LoanQueries.PaymentLine>>> PaymentLines = new(() =>
        EF.CompileAsyncQuery((AutoFinanceDbContext db, Guid id, bool staff) => db.Payments.AsNoTracking().Where(p => p.LoanId == id)
            .Select(p => new LoanQueries.PaymentLine(p.Id, p.PaidOn, p.Amount, PostingStatusText.Of(p.Status), p.Surplus, p.Overpayment, p.Prepaid, p.ReversalReason, p.ReceivedAt, staff ? p.Actor : null, p.Channel, p.ReceiptReference))));

    private static readonly PerModel<Func<AutoFinanceDbContext, Guid, int, IAsyncEnumerable<LoanQueries.EntryView>>> NewestEntries = new(() =>
        EF.CompileAsyncQuery((AutoFinanceDbContext db, Guid id, int take) => db.JournalEntries.AsNoTracking().Where(e => e.LoanId == id)
            .OrderByDescending(e => e.BusinessDate).ThenByDescending(e => e.PostedAt).ThenByDescending(e => e.Id)
            .Take(take)
            .Select(e => new LoanQueries.EntryView(e.BusinessDate, e.Kind, e.Description, e.Lines.OrderBy(l => l.Id).Select(l => new LoanQueries.LineView(l.Account, l.Side, l.Amount)).ToList()))));

    /// <summary>
    /// The loan when the reader may see it: any for staff, a customer's own, a dealer's own; none for anyone else (and
    /// no statement run then). <paramref name="counted"/> asks for the journal's entry count too.
    /// </summary>
    public static Task<Head?> HeadAsync(AutoFinanceDbContext db, Application.Security.Actor actor, Guid id, bool counted, CancellationToken ct)
    {
        var audience = LoanAudience.Of(actor);
        return audience.Who == LoanAudience.Kind.Nobody
            ? Task.FromResult<Head?>(null)
            : Heads.For(db)(db, id, audience.Who == LoanAudience.Kind.Everyone, audience.Who == LoanAudience.Kind.Customer, audience.Who == LoanAudience.Kind.Dealer, audience.Owner, counted, ct);
    }

    /// <summary>The loan's instalments in order, untracked.</summary>
    public static ValueTask<List<InstallmentRow>> ScheduleAsync(AutoFinanceDbContext db, Guid id, CancellationToken ct) =>
        Schedule.For(db)(db, id).ToListAsync(ct);

    /// <summary>The loan's journal summed by the database, one total per account and side.</summary>
    public static ValueTask<List<LineTotal>> TotalsAsync(AutoFinanceDbContext db, Guid id, CancellationToken ct) =>
        Totals.For(db)(db, id).ToListAsync(ct);

    /// <summary>The loan's payments in the database's order; who took each only for staff.</summary>
    public static ValueTask<List<LoanQueries.PaymentLine>> PaymentsAsync(AutoFinanceDbContext db, Guid id, bool staff, CancellationToken ct) =>
        PaymentLines.For(db)(db, id, staff).ToListAsync(ct);

    /// <summary>The loan's latest entries, newest first.</summary>
    public static ValueTask<List<LoanQueries.EntryView>> NewestEntriesAsync(AutoFinanceDbContext db, Guid id, int take, CancellationToken ct) =>
        NewestEntries.For(db)(db, id, take).ToListAsync(ct);
}
