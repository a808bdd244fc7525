using AutoFinance.Application.Security;
using AutoFinance.Application.Servicing.QuotePayoff;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>Loans as their readers may see them (the same object rule as applications), with balances from the ledger.</summary>
public sealed class LoanQueries(AutoFinanceDbContext db, ProductCatalog catalog, TimeProvider time)
{
    public sealed record InstallmentView(
        int Number, DateOnly DueDate, decimal Payment, decimal Principal, decimal Interest, decimal Fee, decimal Balance,
        decimal LateFee = 0m, decimal PenaltyInterest = 0m, decimal Paid = 0m, decimal Outstanding = 0m, InstallmentStanding Status = InstallmentStanding.Upcoming, decimal Waived = 0m);

    public sealed record NextDue(int Installment, DateOnly DueDate, decimal Amount);

    /// <summary>
    /// A payment received: posted or reversed, what became of any surplus (hold, prepay, or payoff), when it arrived
    /// and — for staff only — who took it.
    /// </summary>
    public sealed record PaymentLine(
        Guid PaymentId, DateOnly PaidOn, decimal Amount, string Status, string Surplus, decimal Overpayment, decimal Prepaid, string? ReversalReason,
        DateTimeOffset? ReceivedAt = null, string? Actor = null, string? Channel = null, string? ReceiptReference = null);

    public sealed record LineView(string Account, string Side, decimal Amount);

    public sealed record EntryView(DateOnly BusinessDate, string Kind, string Description, IReadOnlyList<LineView> Lines);

    public sealed record LoanSummary(Guid LoanId, string Reference, string Status, decimal Principal, decimal AnnualRate, int TermMonths, string Method, DateOnly StartDate, int DaysPastDue = 0, string Bucket = "Current");

    public sealed record LoanView(
        LoanSummary Summary,
        IReadOnlyList<InstallmentView> Schedule,
        IReadOnlyDictionary<string, decimal> Balances,
        decimal TrialBalanceNet,
        IReadOnlyList<EntryView>? Entries,
        int DaysPastDue = 0,
        string Bucket = "Current",
        NextDue? Next = null,
        PayoffFigures? PayoffToday = null,
        decimal Credit = 0m,
        IReadOnlyList<PaymentLine>? Payments = null,
        decimal? LoanToValue = null,
        bool OnWatchList = false,
        string? WarningReasons = null,
        Guid? ApplicationId = null,
        DateOnly? LastCloseDate = null,
        bool CanPrepay = false,
        decimal BalloonAmount = 0m,
        decimal InterestAccruedToDate = 0m,
        decimal RefundPayable = 0m,
        int? EntryCount = null);

    /// <summary>How many of the latest journal entries a loan's view carries for staff; the whole ledger is paged by <see cref="EntriesAsync"/>.</summary>
    public const int RecentEntries = 20;

    /// <summary>The ways the loan list sorts: by booking (newest first by default), reference, amount or days past due; a leading minus reverses.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["booked", "reference", "principal", "dpd"];

    /// <summary>One page of the loans visible to the reader, with how many there are in all.</summary>
    public async Task<Search.ListPage<LoanSummary>> PageAsync(Actor actor, int page, int pageSize, string? sort, CancellationToken ct)
    {
        var rows = Visible(actor);
        var total = await rows.CountAsync(ct).ConfigureAwait(false);
        var ordered = sort switch
        {
            "booked" => rows.OrderBy(l => l.BookedAt),
            "reference" => rows.OrderBy(l => l.Reference),
            "-reference" => rows.OrderByDescending(l => l.Reference),
            "principal" => rows.OrderBy(l => l.Principal),
            "-principal" => rows.OrderByDescending(l => l.Principal),
            "dpd" => rows.OrderBy(l => l.DaysPastDue),
            "-dpd" => rows.OrderByDescending(l => l.DaysPastDue),
            _ => rows.OrderByDescending(l => l.BookedAt),
        };
        var items = await ordered.ThenBy(l => l.Id).Skip((page - 1) * pageSize).Take(pageSize).Select(l => Summary(l)).ToListAsync(ct).ConfigureAwait(false);
        return new Search.ListPage<LoanSummary>(items, page, pageSize, total);
    }

    public async Task<LoanView?> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var staff = actor.IsStaff;
        var head = await LoanViewReads.HeadAsync(db, actor, id, staff, ct).ConfigureAwait(false);
        if (head is null)
        {
            return null;
        }

        var loan = head.Loan;
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var rowsOfSchedule = await LoanViewReads.ScheduleAsync(db, id, ct).ConfigureAwait(false);
        var installments = rowsOfSchedule.ConvertAll(i => View(i, today));
        var currency = Currency.FromCode(loan.Currency);
        var ledger = Balances.OfLines(currency, await LinesAsync(id, ct).ConfigureAwait(false));
        var balances = LedgerAccounts.All.ToDictionary(a => a.ToString(), a => ledger.Of(a));
        var credit = ledger.Of(LedgerAccount.CustomerOverpayment);
        var product = await ProductTerms.OfAsync(db, catalog, loan, head.ProductCode, head.Promotion, ct).ConfigureAwait(false);
        var held = new CustomerCredit.Held(credit, ledger.Of(LedgerAccount.RefundPayable));
        var aggregate = LoanMapping.ToAggregate(loan, rowsOfSchedule, [], held, ProductTerms.Servicing(product), dayCount: product.DayCount);
        var payoffToday = loan.Status == LoanStatus.Active && today >= loan.StartDate && aggregate.Quote(today).Value is { } statement ? PayoffFigures.From(statement) : null;
        var next = rowsOfSchedule.Where(i => !i.IsPaid).Select(i => new NextDue(i.Number, i.DueDate, InstallmentBook.Due(i).Total)).FirstOrDefault();
        var payments = (await LoanViewReads.PaymentsAsync(db, id, staff, ct).ConfigureAwait(false))
            .OrderBy(p => p.PaidOn).ThenBy(p => p.ReceivedAt).ToList();
        var entryCount = head.EntryCount;
        var recent = staff ? await LatestEntriesAsync(id, ct).ConfigureAwait(false) : null;
        return new LoanView(
            Summary(loan),
            installments,
            balances,
            TrialBalance.Of(ledger).Net,
            recent,
            loan.DaysPastDue,
            loan.Bucket,
            next,
            payoffToday,
            credit,
            payments,
            loan.LoanToValue,
            loan.OnWatchList,
            actor.IsStaff ? loan.WarningReasons : null,
            loan.ApplicationId,
            loan.LastCloseDate,
            // Prepaying re-plans the schedule: a loan whose schedule is fixed by its fee (flat-fee) or that owes nothing more cannot.
            loan.Status == LoanStatus.Active && loan.Method != "flat-fee",
            loan.Method == "balloon" ? currency.Round(loan.Principal * loan.BalloonFraction) : 0m,
            loan.Status == LoanStatus.Active ? aggregate.InterestAccruedTo(today) : 0m,
            ledger.Of(LedgerAccount.RefundPayable),
            staff ? entryCount : null);
    }

    /// <summary>
    /// A page of the loan's journal entries in posting order (business date, then when posted), for staff; null when
    /// the loan is not visible to the reader.
    /// </summary>
    public async Task<Search.ListPage<EntryView>?> EntriesAsync(Actor actor, Guid id, int page, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsStaff || !await Visible(actor).AnyAsync(l => l.Id == id, ct).ConfigureAwait(false))
        {
            return null;
        }

        var total = await db.JournalEntries.CountAsync(e => e.LoanId == id, ct).ConfigureAwait(false);
        var items = await EntryPageAsync(id, (int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize), pageSize, ct).ConfigureAwait(false);
        return new Search.ListPage<EntryView>(items, page, pageSize, total);
    }

    /// <summary>Entries of the loan in posting order, from an offset: one query for the entries and their lines together.</summary>
    private async Task<IReadOnlyList<EntryView>> EntryPageAsync(Guid id, int skip, int take, CancellationToken ct) =>
        await db.JournalEntries.AsNoTracking().Where(e => e.LoanId == id)
            .OrderBy(e => e.BusinessDate).ThenBy(e => e.PostedAt).ThenBy(e => e.Id)
            .Skip(skip).Take(take)
            .Select(e => new EntryView(e.BusinessDate, e.Kind, e.Description, e.Lines.OrderBy(l => l.Id).Select(l => new LineView(l.Account, l.Side, l.Amount)).ToList()))
            .ToListAsync(ct).ConfigureAwait(false);

    /// <summary>
    /// The loan's latest entries in posting order: read newest first with a limit, so the database stops after them
    /// instead of ordering and skipping the whole journal (a loan gathers an accrual a day).
    /// </summary>
    private async Task<IReadOnlyList<EntryView>> LatestEntriesAsync(Guid id, CancellationToken ct)
    {
        var newestFirst = await LoanViewReads.NewestEntriesAsync(db, id, RecentEntries, ct).ConfigureAwait(false);
        newestFirst.Reverse();
        return newestFirst;
    }

    /// <summary>The loan's journal summed by the database, one total per account and side: all the balances need, untracked.</summary>
    private async Task<List<JournalLine>> LinesAsync(Guid id, CancellationToken ct)
    {
        var totals = await LoanViewReads.TotalsAsync(db, id, ct).ConfigureAwait(false);
        return totals.ConvertAll(t => new JournalLine(Enum.Parse<LedgerAccount>(t.Account), Enum.Parse<EntrySide>(t.Side), t.Total));
    }

    /// <summary>For each of the given loans the reader may see: its next unpaid instalment, as <see cref="LoanView.Next"/> gives it.</summary>
    public async Task<IReadOnlyDictionary<Guid, NextDue>> NextDueAsync(Actor actor, IReadOnlyCollection<Guid> loanIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(loanIds);
        var visible = Visible(actor).Where(l => loanIds.Contains(l.Id)).Select(l => l.Id);
        var rows = await db.Installments.AsNoTracking().Where(i => visible.Contains(i.LoanId)).ToListAsync(ct).ConfigureAwait(false);
        return rows.Where(i => !i.IsPaid).GroupBy(i => i.LoanId)
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.Number).Select(i => new NextDue(i.Number, i.DueDate, InstallmentBook.Due(i).Total)).First());
    }

    /// <summary>The loan booked from an application, when the reader may see it.</summary>
    public async Task<Guid?> LoanOfApplicationAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await Visible(actor).Where(l => l.ApplicationId == applicationId).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
    }

    /// <summary>An instalment as its reader sees it: paid, partly paid, overdue, due today or upcoming.</summary>
    private static InstallmentView View(InstallmentRow i, DateOnly today)
    {
        var owed = InstallmentBook.Due(i).Total;
        var paid = i.PaidPrincipal + i.PaidInterest + i.PaidFee + i.PaidLateFee + i.PaidPenalty;
        // Charges are shown as they stand after any waiver, which is given apart, so paid and outstanding add up to them.
        return new InstallmentView(i.Number, i.DueDate, i.Payment, i.Principal, i.Interest, i.Fee, i.Balance, i.LateFee - i.WaivedLateFee, i.Penalty - i.WaivedPenalty, paid, owed,
            InstallmentStandings.Of(owed, paid, i.DueDate, today), i.WaivedLateFee + i.WaivedPenalty);
    }

    private static LoanSummary Summary(LoanRow l) =>
        new(l.Id, l.Reference, LoanStatusText.Of(l.Status), l.Principal, Math.Round(l.AnnualRate * 100m, 4), l.TermMonths, l.Method, l.StartDate, l.DaysPastDue, l.Bucket);

    private IQueryable<LoanRow> Visible(Actor actor)
    {
        var audience = LoanAudience.Of(actor);
        var owner = audience.Owner;
        return audience.Who switch
        {
            LoanAudience.Kind.Customer => db.Loans.AsNoTracking().Where(l => l.CustomerId == owner),
            LoanAudience.Kind.Dealer => db.Loans.AsNoTracking().Where(l => l.DealerId == owner),
            LoanAudience.Kind.Everyone => db.Loans.AsNoTracking(),
            _ => db.Loans.Where(_ => false),
        };
    }
}
