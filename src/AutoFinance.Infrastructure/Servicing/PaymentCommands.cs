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
/// Payments on a loan. Instalments due by the payment date first have their interest posted to interest receivable
/// (the due-date transition, once per instalment); the payment is then allocated by the waterfall (fees, penalty,
/// interest, principal; oldest instalment first), the instalments' paid amounts are updated and the balanced
/// payment entry is posted — what is left over is held as the customer's overpayment. One transaction; a retry with
/// the same Idempotency-Key answers the stored result; a concurrent payment on the same loan is caught by its version.
/// </summary>
public sealed class PaymentCommands(AutoFinanceDbContext db, TimeProvider time)
{
    public sealed record PaymentInput(decimal? Amount, DateOnly? PaidOn);

    public sealed record AllocationLine(int Installment, DateOnly DueDate, decimal Fee, decimal PenaltyInterest, decimal Interest, decimal Principal);

    public sealed record PaymentView(Guid PaymentId, Guid LoanId, decimal Amount, DateOnly PaidOn, decimal Allocated, decimal Overpayment, IReadOnlyList<AllocationLine> Allocation);

    public async Task<CommandResult<string>> PayAsync(Actor actor, Guid loanId, PaymentInput input, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var loan = await db.Loans.FirstOrDefaultAsync(l => l.Id == loanId, ct).ConfigureAwait(false);
        if (loan is null || !(actor.IsStaff || (actor.Role == Roles.Customer && actor.CustomerId == loan.CustomerId)))
        {
            return CommandResult<string>.NotFound();
        }

        if (idempotencyKey is not null
            && await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.LoanId == loanId && p.IdempotencyKey == idempotencyKey, ct).ConfigureAwait(false) is { } earlier)
        {
            return CommandResult<string>.Ok(earlier.ResponseJson);
        }

        var currency = Currency.FromCode(loan.Currency);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var paidOn = input.PaidOn ?? today;
        var errors = new List<Domain.Validation.FieldError>();
        var amount = input.Amount ?? 0m;
        if (amount <= 0 || amount > 100_000_000m || currency.Round(amount) != amount)
        {
            errors.Add(new("amount", $"must be a positive amount in whole {currency.Code} minor units, at most 100000000"));
        }

        if (paidOn > today || paidOn < loan.StartDate)
        {
            errors.Add(new("paidOn", "must be between the loan's start date and today"));
        }

        if (errors.Count > 0)
        {
            return CommandResult<string>.Invalid(errors);
        }

        if (loan.Status != "active")
        {
            return CommandResult<string>.Conflict($"the loan is {loan.Status}");
        }

        var now = time.GetUtcNow();
        var installments = await db.Installments.Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync(ct).ConfigureAwait(false);
        var entries = DueTransitions.Post(installments, paidOn, currency).ToList();
        var allocation = PaymentAllocator.Allocate(DueTransitions.Owing(installments, paidOn), Money.Of(amount, currency), AllocationOrder.Default);
        foreach (var part in allocation.Installments)
        {
            var row = installments.Single(i => i.Number == part.Number);
            row.PaidFee += part.Fee;
            row.PaidInterest += part.Interest;
            row.PaidPrincipal += part.Principal;
        }

        entries.Add(LoanPostings.Payment(paidOn, allocation, $"Payment of {amount} received"));
        var payment = new PaymentRow
        {
            Id = Guid.CreateVersion7(now),
            LoanId = loanId,
            IdempotencyKey = idempotencyKey,
            Amount = amount,
            PaidOn = paidOn,
            ReceivedAt = now,
            Actor = actor.AuditName,
            ResponseJson = string.Empty,
        };
        var view = new PaymentView(payment.Id, loanId, amount, paidOn, allocation.Allocated, allocation.Overpayment,
            [.. allocation.Installments.Where(p => p.Total > 0).Select(p => new AllocationLine(p.Number, p.DueDate, p.Fee, p.PenaltyInterest, p.Interest, p.Principal))]);
        payment.ResponseJson = Json.Serialize(view);
        if (installments.All(i => i.IsPaid))
        {
            loan.Status = "closed";
        }

        loan.Version++;
        try
        {
            db.Payments.Add(payment);
            foreach (var entry in entries)
            {
                db.JournalEntries.Add(LoanBooking.ToRow(loanId, entry, now));
            }

            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "payment.received", "loan", loanId.ToString(), new { payment.Id, amount, paidOn, allocation.Allocated, allocation.Overpayment })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var same = idempotencyKey is null ? null
                : await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.LoanId == loanId && p.IdempotencyKey == idempotencyKey, ct).ConfigureAwait(false);
            return same is not null
                ? CommandResult<string>.Ok(same.ResponseJson)
                : CommandResult<string>.Conflict("another payment on this loan was posted at the same moment; retry with the same Idempotency-Key");
        }
        catch (DbUpdateException e) when (idempotencyKey is not null && UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            var stored = await db.Payments.AsNoTracking().FirstAsync(p => p.LoanId == loanId && p.IdempotencyKey == idempotencyKey, ct).ConfigureAwait(false);
            return CommandResult<string>.Ok(stored.ResponseJson);
        }

        return CommandResult<string>.Ok(payment.ResponseJson);
    }
}
