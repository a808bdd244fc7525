using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Payoff;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// Payments on a loan, through the loan aggregate (<see cref="Loan.Pay"/>: instalments falling due, held credit
/// applied, the product's waterfall, the surplus held or prepaid). Here: access, input checks, the date rule
/// (<see cref="PostingDates"/>), the Idempotency-Key bound to caller, endpoint and body, and one transaction with the
/// loan's version catching a concurrent change.
/// </summary>
public sealed class PaymentCommands(AutoFinanceDbContext db, TimeProvider time)
{
    /// <summary>A payment: the amount, what to do with any surplus, and — staff only — an earlier date with the reason for it.</summary>
    public sealed record PaymentInput(decimal? Amount, DateOnly? PaidOn, string? Surplus = null, string? Reason = null);

    public sealed record ReversalInput(string? Reason);

    public sealed record AllocationLine(int Installment, DateOnly DueDate, decimal Fee, decimal PenaltyInterest, decimal Interest, decimal Principal);

    public sealed record PaymentView(
        Guid PaymentId, Guid LoanId, decimal Amount, DateOnly PaidOn, decimal Allocated, decimal Overpayment, decimal Prepaid, string LoanStatus, IReadOnlyList<AllocationLine> Allocation);

    public sealed record ReversalView(Guid PaymentId, Guid LoanId, decimal Amount, string Reason, int PaymentsReapplied, string LoanStatus);

    public async Task<CommandResult<string>> PayAsync(Actor actor, Guid loanId, PaymentInput input, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var loan = await db.Loans.FirstOrDefaultAsync(l => l.Id == loanId, ct).ConfigureAwait(false);
        if (loan is null || !LoanAccess.MayPay(actor, loan))
        {
            return CommandResult<string>.NotFound();
        }

        var requestHash = PaymentReplies.RequestHash(actor, "payments", loanId, input);
        if (idempotencyKey is not null && await PaymentReplies.ReplayAsync(db, loanId, idempotencyKey, requestHash, ct).ConfigureAwait(false) is { } earlier)
        {
            return earlier;
        }

        var currency = Currency.FromCode(loan.Currency);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var surplus = input.Surplus?.Trim().ToLowerInvariant() ?? LoanMapping.Hold;
        var errors = new List<Domain.Validation.FieldError>();
        var amount = input.Amount ?? 0m;
        if (amount <= 0 || amount > 100_000_000m || currency.Round(amount) != amount)
        {
            errors.Add(new("amount", $"must be a positive amount in whole {currency.Code} minor units, at most 100000000"));
        }

        if (surplus is not (LoanMapping.Hold or LoanMapping.Prepay or LoanMapping.PrepayKeepPayment))
        {
            errors.Add(new("surplus", "must be hold (keep any surplus as credit), prepay (apply it to principal, lowering the payment) or prepay-keep-payment (shortening the term)"));
        }

        var (paidOn, dated) = PostingDates.Check<string>(actor, input.PaidOn, input.Reason, today, loan.StartDate, "paidOn");
        if (dated is { Failure: CommandFailure.Unprocessable })
        {
            return dated;
        }

        errors.AddRange(dated?.Errors ?? []);
        if (errors.Count > 0)
        {
            return CommandResult<string>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var installments = await db.Installments.Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync(ct).ConfigureAwait(false);
        var held = await CustomerCredit.HeldAsync(db, loanId, ct).ConfigureAwait(false);
        var aggregate = LoanMapping.ToAggregate(loan, installments, [], held, ServicingTerms.Default);
        var paymentId = Guid.CreateVersion7(now);
        var mode = surplus == LoanMapping.PrepayKeepPayment ? ReamortisationMode.KeepPayment : ReamortisationMode.KeepTerm;
        var result = aggregate.Pay(paymentId, amount, paidOn, LoanMapping.SurplusOf(surplus), mode);
        if (!result.Succeeded)
        {
            return CommandResult<string>.From(result.Error!);
        }

        LoanMapping.CopyBack(aggregate, loan, installments, db);
        var posting = result.Value!;
        var rows = aggregate.Postings.Select(p => LoanMapping.NewRow(loanId, p, actor.AuditName, now)).ToList();
        var payment = rows.Single(r => r.Id == paymentId);
        payment.IdempotencyKey = idempotencyKey;
        payment.RequestHash = idempotencyKey is null ? null : requestHash;
        payment.ResponseJson = Json.Serialize(new PaymentView(paymentId, loanId, amount, paidOn, posting.Allocated, posting.Held, posting.Prepaid, loan.Status,
            [.. posting.Parts.Select(p => new AllocationLine(p.Number, p.DueDate, p.Fee, p.PenaltyInterest, p.Interest, p.Principal))]));
        loan.Version++;
        try
        {
            db.Payments.AddRange(rows);
            db.JournalEntries.AddRange(LoanMapping.EntryRows(loanId, result.Entries, aggregate.Postings, now));
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "payment.received", "loan", loanId.ToString(), new { payment.Id, amount, paidOn, posting.Allocated, posting.Held, posting.Prepaid, input.Reason })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var same = idempotencyKey is null ? null : await PaymentReplies.ReplayAsync(db, loanId, idempotencyKey, requestHash, ct).ConfigureAwait(false);
            return same ?? CommandResult<string>.Conflict("another change to this loan was posted at the same moment; retry with the same Idempotency-Key");
        }
        catch (DbUpdateException e) when (idempotencyKey is not null && UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return (await PaymentReplies.ReplayAsync(db, loanId, idempotencyKey, requestHash, ct).ConfigureAwait(false))!;
        }

        return CommandResult<string>.Ok(payment.ResponseJson);
    }

    /// <summary>
    /// Reverses a payment (returned, bounced, posted in error) through the aggregate: it and every posting after it
    /// are taken off the instalments, it is marked reversed, and the later ones are applied again in their order. The
    /// ledger gets the exact opposite of the reversed payment's entry and one restatement of what the later postings
    /// now settle differently. Late fees and penalty already charged stay.
    /// </summary>
    public async Task<CommandResult<ReversalView>> ReverseAsync(Actor actor, Guid loanId, Guid paymentId, ReversalInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var loan = await db.Loans.FirstOrDefaultAsync(l => l.Id == loanId, ct).ConfigureAwait(false);
        if (loan is null || !actor.IsStaff)
        {
            return CommandResult<ReversalView>.NotFound();
        }

        var reason = input.Reason?.Trim() ?? string.Empty;
        if (reason.Length is < 3 or > 500)
        {
            return CommandResult<ReversalView>.Invalid("reason", "must say why, in 3 to 500 characters");
        }

        var payments = await db.Payments.Where(p => p.LoanId == loanId && p.Status == "posted").OrderBy(p => p.PaidOn).ThenBy(p => p.ReceivedAt).ToListAsync(ct).ConfigureAwait(false);
        var reversed = payments.Find(p => p.Id == paymentId && p.Surplus != LoanMapping.Credit);
        if (reversed is null)
        {
            return await db.Payments.AnyAsync(p => p.Id == paymentId && p.LoanId == loanId, ct).ConfigureAwait(false)
                ? CommandResult<ReversalView>.Conflict("the payment is already reversed")
                : CommandResult<ReversalView>.NotFound();
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var installments = await db.Installments.Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync(ct).ConfigureAwait(false);
        var held = await CustomerCredit.HeldAsync(db, loanId, ct).ConfigureAwait(false);
        var restructuredOn = await db.HardshipPlans.Where(h => h.LoanId == loanId).Select(h => (DateOnly?)h.EffectiveOn).MaxAsync(ct).ConfigureAwait(false);
        var aggregate = LoanMapping.ToAggregate(loan, installments, payments, held, ServicingTerms.Default, restructuredOn);
        var result = aggregate.Reverse(paymentId, today, reason);
        if (!result.Succeeded)
        {
            return CommandResult<ReversalView>.From(result.Error!);
        }

        LoanMapping.CopyBack(aggregate, loan, installments, db);
        var inForce = aggregate.Postings.ToDictionary(p => p.Id);
        foreach (var row in payments)
        {
            if (inForce.Remove(row.Id, out var posting))
            {
                LoanMapping.CopyBack(posting, row);
            }
            else
            {
                row.Status = "reversed";
                row.ReversedAt = now;
                row.ReversalReason = row.Id == paymentId ? reason : $"applied again after the reversal of payment {paymentId}";
            }

            row.Version++;
        }

        db.Payments.AddRange(inForce.Values.Select(p => LoanMapping.NewRow(loanId, p, "system:reversal", now)));
        loan.Version++;
        try
        {
            db.JournalEntries.AddRange(result.Entries.Select(e => Tagged(loanId, e, paymentId, now)));
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "payment.reversed", "loan", loanId.ToString(), new { PaymentId = paymentId, reversed.Amount, reason, Reapplied = result.Value })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<ReversalView>.Conflict("the loan changed while the payment was being reversed; try again");
        }

        return CommandResult<ReversalView>.Ok(new ReversalView(paymentId, loanId, reversed.Amount, reason, result.Value, loan.Status));
    }

    private static JournalEntryRow Tagged(Guid loanId, JournalEntry entry, Guid paymentId, DateTimeOffset now)
    {
        var row = LoanBooking.ToRow(loanId, entry, now);
        row.PaymentId = paymentId;
        return row;
    }
}
