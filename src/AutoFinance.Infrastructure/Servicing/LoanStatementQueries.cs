using AutoFinance.Application.Security;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Schedules;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// A loan's statement as the pages show it: each instalment with what has been paid on it, and the payments received.
/// The same object rule as <see cref="LoanQueries"/>: a customer reads only their own loans, a dealer only the loans
/// of its applications, staff every loan; anything else is not found. Read only.
/// </summary>
public sealed class LoanStatementQueries(AutoFinanceDbContext db)
{
    public sealed record InstallmentLine(
        int Number,
        DateOnly DueDate,
        decimal Payment,
        decimal Principal,
        decimal Interest,
        decimal Fee,
        decimal Balance,
        decimal PaidPrincipal,
        decimal PaidInterest,
        decimal PaidFee)
    {
        public decimal Paid => PaidPrincipal + PaidInterest + PaidFee;

        public decimal Owed => Payment - Paid;

        public bool IsPaid => Owed == 0m;
    }

    public sealed record PaymentLine(Guid PaymentId, DateOnly PaidOn, decimal Amount, DateTimeOffset ReceivedAt, string Actor);

    public sealed record LoanStatement(
        Guid LoanId,
        string Reference,
        Guid ApplicationId,
        string Status,
        string Currency,
        int DaysPastDue,
        string Bucket,
        DateOnly? LastCloseDate,
        IReadOnlyList<InstallmentLine> Installments,
        IReadOnlyList<PaymentLine> Payments)
    {
        /// <summary>The loan's terms as booked, to rebuild its schedule with the engine (payoff quotes).</summary>
        public required LoanTerms Terms { get; init; }
    }

    public async Task<LoanStatement?> GetAsync(Actor actor, Guid loanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var loan = await Visible(actor).FirstOrDefaultAsync(l => l.Id == loanId, ct).ConfigureAwait(false);
        if (loan is null)
        {
            return null;
        }

        var installments = await db.Installments.AsNoTracking().Where(i => i.LoanId == loanId).OrderBy(i => i.Number)
            .Select(i => new InstallmentLine(i.Number, i.DueDate, i.Payment, i.Principal, i.Interest, i.Fee, i.Balance, i.PaidPrincipal, i.PaidInterest, i.PaidFee))
            .ToListAsync(ct).ConfigureAwait(false);
        var payments = (await db.Payments.AsNoTracking().Where(p => p.LoanId == loanId)
            .Select(p => new PaymentLine(p.Id, p.PaidOn, p.Amount, p.ReceivedAt, p.Actor))
            .ToListAsync(ct).ConfigureAwait(false))
            .OrderByDescending(p => p.ReceivedAt).ToList();
        var terms = new LoanTerms
        {
            Principal = loan.Principal,
            AnnualRate = loan.AnnualRate,
            TermMonths = loan.TermMonths,
            Method = RepaymentMethodNames.Parse(loan.Method) ?? RepaymentMethod.Annuity,
            StartDate = loan.StartDate,
            BalloonFraction = loan.BalloonFraction,
            Currency = Domain.Monetary.Currency.FromCode(loan.Currency),
        };
        return new LoanStatement(loan.Id, loan.Reference, loan.ApplicationId, loan.Status, loan.Currency, loan.DaysPastDue, loan.Bucket, loan.LastCloseDate, installments, payments)
        {
            Terms = terms,
        };
    }

    /// <summary>For each loan of the reader's list: the next unpaid instalment (due date and what is still owed on it).</summary>
    public async Task<IReadOnlyDictionary<Guid, (DateOnly DueDate, decimal Owed)>> NextDueAsync(Actor actor, IReadOnlyCollection<Guid> loanIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(loanIds);
        var visible = await Visible(actor).Where(l => loanIds.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct).ConfigureAwait(false);
        var rows = await db.Installments.AsNoTracking().Where(i => visible.Contains(i.LoanId))
            .Select(i => new { i.LoanId, i.Number, i.DueDate, i.Payment, i.PaidPrincipal, i.PaidInterest, i.PaidFee })
            .ToListAsync(ct).ConfigureAwait(false);
        return rows.Where(r => r.Payment - r.PaidPrincipal - r.PaidInterest - r.PaidFee > 0m)
            .GroupBy(r => r.LoanId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Number).Select(r => (r.DueDate, r.Payment - r.PaidPrincipal - r.PaidInterest - r.PaidFee)).First());
    }

    /// <summary>The loan booked from an application, when the reader may see it.</summary>
    public async Task<Guid?> LoanOfApplicationAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await Visible(actor).Where(l => l.ApplicationId == applicationId).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
    }

    private IQueryable<LoanRow> Visible(Actor actor) => actor.Role switch
    {
        Roles.Customer => actor.CustomerId is { } customer ? db.Loans.AsNoTracking().Where(l => l.CustomerId == customer) : db.Loans.Where(_ => false),
        Roles.Dealer => actor.DealerId is { } dealer ? db.Loans.AsNoTracking().Where(l => l.DealerId == dealer) : db.Loans.Where(_ => false),
        _ => actor.IsStaff ? db.Loans.AsNoTracking() : db.Loans.Where(_ => false),
    };
}
