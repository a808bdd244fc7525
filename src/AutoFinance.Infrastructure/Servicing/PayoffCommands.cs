using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// Payoff: a quote for a date, and paying it, which settles every instalment and closes the loan. The running
/// period's interest is posted as accrued to the payoff date and later instalments carry no more interest or fees;
/// the customer's held credit is used first. A retry with the same Idempotency-Key answers the stored result.
/// </summary>
public sealed class PayoffCommands(AutoFinanceDbContext db, TimeProvider time)
{
    public sealed record PayoffInput(DateOnly? PaidOn, decimal? Amount);

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
        if (date < loan.StartDate || date > Today.AddYears(1))
        {
            return CommandResult<PayoffFigures>.Invalid("on", "must be between the loan's start date and a year from today");
        }

        if (loan.Status != LoanStatus.Active)
        {
            return CommandResult<PayoffFigures>.Conflict($"the loan is {loan.Status}");
        }

        var installments = await db.Installments.AsNoTracking().Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync(ct).ConfigureAwait(false);
        return CommandResult<PayoffFigures>.Ok(PayoffFigures.Of(loan, installments, await CustomerCredit.OfAsync(db, loanId, ct).ConfigureAwait(false), date));
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

        if (idempotencyKey is not null
            && await PaymentReplies.StoredAsync(db, loanId, idempotencyKey, ct).ConfigureAwait(false) is { } earlier)
        {
            return CommandResult<string>.Ok(earlier);
        }

        var paidOn = input.PaidOn ?? Today;
        if (paidOn > Today || paidOn < loan.StartDate)
        {
            return CommandResult<string>.Invalid("paidOn", "must be between the loan's start date and today");
        }

        if (loan.Status != LoanStatus.Active)
        {
            return CommandResult<string>.Conflict($"the loan is {loan.Status}");
        }

        var currency = Currency.FromCode(loan.Currency);
        var now = time.GetUtcNow();
        var installments = await db.Installments.Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync(ct).ConfigureAwait(false);
        var credit = await CustomerCredit.OfAsync(db, loanId, ct).ConfigureAwait(false);
        var quote = PayoffFigures.Of(loan, installments, credit, paidOn);
        if (input.Amount is { } expected && expected != quote.Total)
        {
            return CommandResult<string>.Conflict($"the payoff amount on {paidOn:yyyy-MM-dd} is {quote.Total}, not {expected}; ask for a new quote");
        }

        var entries = DueTransitions.Post(installments, paidOn, currency).ToList();
        var (running, accrued) = PayoffFigures.AccruedOf(loan, installments, paidOn, currency);
        foreach (var later in installments.Where(i => i.DueDate > paidOn))
        {
            later.Interest = later == running ? later.PaidInterest + accrued : later.PaidInterest;
            later.Fee = later.PaidFee;
            later.Payment = later.Principal + later.Interest + later.Fee;
            later.InterestAccrued = true;
        }

        if (accrued > 0m)
        {
            entries.Add(LoanPostings.InterestAccrual(paidOn, Money.Of(accrued, currency), $"Interest accrued to the payoff on {paidOn:yyyy-MM-dd}"));
        }

        var owed = installments.Where(i => !i.IsPaid).Select(InstallmentBook.Due).ToList();
        var total = owed.Sum(d => d.Total);
        var creditUsed = Math.Min(credit, total);
        var payment = new PaymentRow
        {
            Id = Guid.CreateVersion7(now),
            LoanId = loanId,
            IdempotencyKey = idempotencyKey,
            Amount = total - creditUsed,
            PaidOn = paidOn,
            ReceivedAt = now,
            Actor = actor.AuditName,
            ResponseJson = string.Empty,
            Surplus = "payoff",
        };
        if (total > 0m)
        {
            var allocation = PaymentAllocator.Allocate(owed, Money.Of(total, currency), AllocationOrder.Default);
            InstallmentBook.Apply(installments, allocation.Installments);
            payment.AllocationJson = Json.Serialize(allocation.Installments.Where(p => p.Total > 0m).ToList());
            entries.Add(LoanPostings.Payoff(paidOn, allocation, creditUsed, $"Paid off on {paidOn:yyyy-MM-dd}"));
        }

        loan.Status = LoanStatus.Closed;
        loan.ClosedOn = paidOn;
        loan.Version++;
        payment.ResponseJson = Json.Serialize(new PayoffView(payment.Id, loanId, payment.Amount, creditUsed, paidOn, loan.Status));
        try
        {
            db.Payments.Add(payment);
            foreach (var entry in entries)
            {
                var row = LoanBooking.ToRow(loanId, entry, now);
                row.PaymentId = entry.Kind == JournalEventKind.Payoff ? payment.Id : null;
                db.JournalEntries.Add(row);
            }

            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "loan.paid-off", "loan", loanId.ToString(), new { payment.Id, payment.Amount, creditUsed, paidOn })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<string>.Conflict("the loan changed while it was being paid off; ask for a new quote");
        }
        catch (DbUpdateException e) when (idempotencyKey is not null && UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return CommandResult<string>.Ok((await PaymentReplies.StoredAsync(db, loanId, idempotencyKey, ct).ConfigureAwait(false))!);
        }

        return CommandResult<string>.Ok(payment.ResponseJson);
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}
