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
/// Payments on a loan. Instalments due by the payment date first have their interest and fee posted as receivable
/// (the due-date transition, once per instalment); the payment is then allocated by the waterfall (fees, penalty,
/// interest, principal; oldest instalment first) and the balanced payment entry is posted — the surplus is held as
/// the customer's overpayment or, if they chose, prepaid. One transaction; a retry with the same Idempotency-Key
/// answers the stored result; a concurrent change to the same loan is caught by its version.
/// </summary>
public sealed class PaymentCommands(AutoFinanceDbContext db, TimeProvider time)
{
    public sealed record PaymentInput(decimal? Amount, DateOnly? PaidOn, string? Surplus = null);

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

        if (idempotencyKey is not null && await Stored(loanId, idempotencyKey, ct).ConfigureAwait(false) is { } earlier)
        {
            return CommandResult<string>.Ok(earlier);
        }

        var currency = Currency.FromCode(loan.Currency);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var paidOn = input.PaidOn ?? today;
        var surplus = input.Surplus?.Trim().ToLowerInvariant() ?? PaymentPosting.Hold;
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

        if (surplus is not (PaymentPosting.Hold or PaymentPosting.Prepay))
        {
            errors.Add(new("surplus", "must be hold (keep any surplus as credit) or prepay (apply it to principal)"));
        }
        else if (surplus == PaymentPosting.Prepay && !Prepayment.Supports(loan.Method))
        {
            errors.Add(new("surplus", $"a {loan.Method} loan cannot be re-amortised; choose hold, or pay it off"));
        }

        if (errors.Count > 0)
        {
            return CommandResult<string>.Invalid(errors);
        }

        if (loan.Status != LoanStatus.Active)
        {
            return CommandResult<string>.Conflict($"the loan is {loan.Status}");
        }

        var now = time.GetUtcNow();
        var installments = await db.Installments.Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync(ct).ConfigureAwait(false);
        var entries = DueTransitions.Post(installments, paidOn, currency).Select(e => LoanBooking.ToRow(loanId, e, now)).ToList();
        var outcome = PaymentPosting.Post(loan, installments, amount, paidOn, surplus, $"Payment of {amount} received");
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
            Surplus = surplus,
            AllocationJson = outcome.AllocationJson,
            Overpayment = outcome.Held,
            Prepaid = outcome.Prepaid,
            ScheduleBeforeJson = outcome.ScheduleBeforeJson,
        };
        var paymentEntry = LoanBooking.ToRow(loanId, outcome.Entry, now);
        paymentEntry.PaymentId = payment.Id;
        entries.Add(paymentEntry);
        if (installments.All(i => i.IsPaid))
        {
            loan.Status = LoanStatus.Closed;
            loan.ClosedOn = paidOn;
        }

        var allocation = outcome.Allocation;
        payment.ResponseJson = Json.Serialize(new PaymentView(payment.Id, loanId, amount, paidOn, allocation.Allocated, outcome.Held, outcome.Prepaid, loan.Status,
            [.. allocation.Installments.Where(p => p.Total > 0).Select(p => new AllocationLine(p.Number, p.DueDate, p.Fee, p.PenaltyInterest, p.Interest, p.Principal))]));
        loan.Version++;
        try
        {
            db.Payments.Add(payment);
            db.JournalEntries.AddRange(entries);
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "payment.received", "loan", loanId.ToString(), new { payment.Id, amount, paidOn, allocation.Allocated, outcome.Held, outcome.Prepaid })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var same = idempotencyKey is null ? null : await Stored(loanId, idempotencyKey, ct).ConfigureAwait(false);
            return same is not null
                ? CommandResult<string>.Ok(same)
                : CommandResult<string>.Conflict("another change to this loan was posted at the same moment; retry with the same Idempotency-Key");
        }
        catch (DbUpdateException e) when (idempotencyKey is not null && UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return CommandResult<string>.Ok((await Stored(loanId, idempotencyKey, ct).ConfigureAwait(false))!);
        }

        return CommandResult<string>.Ok(payment.ResponseJson);
    }

    /// <summary>
    /// Reverses a payment (returned, bounced, posted in error): every payment from it onwards is taken off the
    /// instalments, it is marked reversed, and the later ones are applied again in their order. The ledger gets the
    /// exact opposite of the reversed payment's entry and, for each later payment whose split changed, one entry that
    /// moves the difference between receivables (its cash is the same). Late fees and penalty already charged stay.
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
        var index = payments.FindIndex(p => p.Id == paymentId);
        if (index < 0)
        {
            return await db.Payments.AnyAsync(p => p.Id == paymentId && p.LoanId == loanId, ct).ConfigureAwait(false)
                ? CommandResult<ReversalView>.Conflict("the payment is already reversed")
                : CommandResult<ReversalView>.NotFound();
        }

        if (loan.Status is not (LoanStatus.Active or LoanStatus.Closed) || await db.HardshipPlans.AnyAsync(h => h.LoanId == loanId && h.EffectiveOn >= payments[index].PaidOn, ct).ConfigureAwait(false))
        {
            return CommandResult<ReversalView>.Conflict(loan.Status is LoanStatus.Active or LoanStatus.Closed
                ? "the loan was restructured after this payment; reverse the restructure first"
                : $"the loan is {loan.Status}");
        }

        if (payments.Skip(index).Any(p => p.Surplus == "payoff"))
        {
            return CommandResult<ReversalView>.Conflict("the loan was paid off after this payment; a payoff is not reversed");
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var installments = await db.Installments.Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync(ct).ConfigureAwait(false);
        var affected = payments.Skip(index).ToList();
        var ids = affected.Select(p => p.Id).ToList();
        var originals = (await db.JournalEntries.AsNoTracking().Include(e => e.Lines).Where(e => e.PaymentId != null && ids.Contains(e.PaymentId.Value)).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(e => e.PaymentId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var currency = Currency.FromCode(loan.Currency);
        foreach (var later in Enumerable.Reverse(affected))
        {
            PaymentPosting.Undo(installments, later);
        }

        var reversed = affected[0];
        reversed.Status = "reversed";
        reversed.ReversedAt = now;
        reversed.ReversalReason = reason;
        reversed.Version++;
        var entries = new List<JournalEntryRow>();
        foreach (var original in originals.GetValueOrDefault(reversed.Id, []))
        {
            entries.Add(Tagged(loanId, LoanPostings.Reversal(today, LoanBooking.FromRow(original, currency), $"Payment of {reversed.Amount} reversed: {reason}"), reversed.Id, now));
        }

        foreach (var later in affected.Skip(1))
        {
            var again = PaymentPosting.Post(loan, installments, later.Amount, later.PaidOn, later.Surplus, $"Payment of {later.Amount} received");
            var before = Net(originals.GetValueOrDefault(later.Id, []), currency);
            if (before is not null && LoanPostings.Restatement(today, before, again.Entry, $"Payment of {later.Amount} re-applied after a reversal") is { } restated)
            {
                entries.Add(Tagged(loanId, restated, later.Id, now));
            }

            later.AllocationJson = again.AllocationJson;
            later.Overpayment = again.Held;
            later.Prepaid = again.Prepaid;
            later.ScheduleBeforeJson = again.ScheduleBeforeJson;
            later.Version++;
        }

        var closed = installments.All(i => i.IsPaid);
        loan.Status = closed ? LoanStatus.Closed : LoanStatus.Active;
        loan.ClosedOn = closed ? loan.ClosedOn : null;
        loan.Version++;
        try
        {
            db.JournalEntries.AddRange(entries);
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "payment.reversed", "loan", loanId.ToString(), new { PaymentId = paymentId, reversed.Amount, reason, Reapplied = affected.Count - 1 })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<ReversalView>.Conflict("the loan changed while the payment was being reversed; try again");
        }

        return CommandResult<ReversalView>.Ok(new ReversalView(paymentId, loanId, reversed.Amount, reason, affected.Count - 1, loan.Status));
    }

    private static JournalEntryRow Tagged(Guid loanId, JournalEntry entry, Guid paymentId, DateTimeOffset now)
    {
        var row = LoanBooking.ToRow(loanId, entry, now);
        row.PaymentId = paymentId;
        return row;
    }

    /// <summary>Everything already posted for one payment (its entry and any restatements), as one entry.</summary>
    private static JournalEntry? Net(IReadOnlyList<JournalEntryRow> rows, Currency currency)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var first = LoanBooking.FromRow(rows[0], currency);
        return rows.Skip(1).Aggregate(first, (sum, row) =>
        {
            var next = LoanBooking.FromRow(row, currency);
            return JournalEntry.Create(sum.BusinessDate, sum.Kind, sum.Description, currency, sum.Lines.Concat(next.Lines));
        });
    }

    private Task<string?> Stored(Guid loanId, string key, CancellationToken ct) => PaymentReplies.StoredAsync(db, loanId, key, ct);
}
