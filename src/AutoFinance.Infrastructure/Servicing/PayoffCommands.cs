using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// Payoff through the loan aggregate: a quote for a date (<see cref="Loan.Quote"/>) and paying it
/// (<see cref="Loan.PayOff"/>), which settles every instalment and closes the loan. A quote for a past date is for
/// staff; a payoff is dated by the server unless staff backdate it with a reason (<see cref="PostingDates"/>). The
/// Idempotency-Key is bound to caller, endpoint and body.
/// </summary>
public sealed class PayoffCommands(AutoFinanceDbContext db, TimeProvider time)
{
    /// <summary>A payoff: optionally the amount quoted (to confirm it), and — staff only — an earlier date with the reason for it.</summary>
    public sealed record PayoffInput(DateOnly? PaidOn, decimal? Amount, string? Reason = null);

    public sealed record PayoffView(Guid PaymentId, Guid LoanId, decimal Paid, decimal CreditUsed, DateOnly PaidOn, string LoanStatus);

    public async Task<CommandResult<PayoffFigures>> QuoteAsync(Actor actor, Guid loanId, DateOnly? on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var loan = await db.Loans.AsNoTracking().FirstOrDefaultAsync(l => l.Id == loanId, ct).ConfigureAwait(false);
        if (loan is null || !LoanAccess.MayPay(actor, loan))
        {
            return CommandResult<PayoffFigures>.NotFound();
        }

        var date = on ?? Today;
        if (date < Today && !actor.IsStaff)
        {
            return CommandResult<PayoffFigures>.Unprocessable("on", "a payoff quote for a past date is for staff; ask for today or a later date", "payoff.quote.past_date");
        }

        if (date < loan.StartDate || date > Today.AddYears(1))
        {
            return CommandResult<PayoffFigures>.Invalid("on", "must be between the loan's start date and a year from today");
        }

        var installments = await db.Installments.AsNoTracking().Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync(ct).ConfigureAwait(false);
        var held = await CustomerCredit.HeldAsync(db, loanId, ct).ConfigureAwait(false);
        var quote = LoanMapping.ToAggregate(loan, installments, [], held, ServicingTerms.Default).Quote(date);
        return quote.Succeeded ? CommandResult<PayoffFigures>.Ok(PayoffFigures.From(quote.Value!)) : CommandResult<PayoffFigures>.From(quote.Error!);
    }

    public async Task<CommandResult<string>> PayOffAsync(Actor actor, Guid loanId, PayoffInput input, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var loan = await db.Loans.FirstOrDefaultAsync(l => l.Id == loanId, ct).ConfigureAwait(false);
        if (loan is null || !LoanAccess.MayPay(actor, loan))
        {
            return CommandResult<string>.NotFound();
        }

        var requestHash = PaymentReplies.RequestHash(actor, "payoff", loanId, input);
        if (idempotencyKey is not null && await PaymentReplies.ReplayAsync(db, loanId, idempotencyKey, requestHash, ct).ConfigureAwait(false) is { } earlier)
        {
            return earlier;
        }

        var (paidOn, refused) = PostingDates.Check<string>(actor, input.PaidOn, input.Reason, Today, loan.StartDate, "paidOn");
        if (refused is not null)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var installments = await db.Installments.Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync(ct).ConfigureAwait(false);
        var payments = await db.Payments.Where(p => p.LoanId == loanId && p.Status == "posted").OrderBy(p => p.PaidOn).ThenBy(p => p.ReceivedAt).ToListAsync(ct).ConfigureAwait(false);
        var held = await CustomerCredit.HeldAsync(db, loanId, ct).ConfigureAwait(false);
        var aggregate = LoanMapping.ToAggregate(loan, installments, payments, held, ServicingTerms.Default);
        var known = payments.Select(p => p.Id).ToHashSet();
        var paymentId = Guid.CreateVersion7(now);
        var result = aggregate.PayOff(paymentId, paidOn, input.Amount);
        if (!result.Succeeded)
        {
            return CommandResult<string>.From(result.Error!);
        }

        LoanMapping.CopyBack(aggregate, loan, installments, db);
        var added = aggregate.Postings.Where(p => !known.Contains(p.Id)).ToList();
        var rows = added.Select(p => LoanMapping.NewRow(loanId, p, actor.AuditName, now)).ToList();
        var payment = rows.Single(r => r.Id == paymentId);
        var posting = result.Value!;
        payment.IdempotencyKey = idempotencyKey;
        payment.RequestHash = idempotencyKey is null ? null : requestHash;
        payment.ResponseJson = Json.Serialize(new PayoffView(paymentId, loanId, posting.Amount, posting.CreditUsed, paidOn, loan.Status));
        loan.Version++;
        try
        {
            db.Payments.AddRange(rows);
            db.JournalEntries.AddRange(LoanMapping.EntryRows(loanId, result.Entries, added, now));
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "loan.paid-off", "loan", loanId.ToString(), new { payment.Id, payment.Amount, posting.CreditUsed, paidOn, input.Reason })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<string>.Conflict("the loan changed while it was being paid off; ask for a new quote");
        }
        catch (DbUpdateException e) when (idempotencyKey is not null && UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return (await PaymentReplies.ReplayAsync(db, loanId, idempotencyKey, requestHash, ct).ConfigureAwait(false))!;
        }

        return CommandResult<string>.Ok(payment.ResponseJson);
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}
