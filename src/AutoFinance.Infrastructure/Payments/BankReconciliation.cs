using AutoFinance.Domain.Lifecycle;
using AutoFinance.Application.Payments.Statements;
using AutoFinance.Application.Security;
using AutoFinance.Application.Servicing.PostPayment;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Domain.Servicing.Reconciliation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// Bank statement reconciliation. Each credit is matched to a loan (<see cref="StatementMatch"/>) and posted as the
/// loan's payment under the entry reference (so the same entry imported again posts nothing), or parked in suspense
/// (Dr cash clearing / Cr suspense, in the lender's own book: loan id empty) for a person to assign to a loan or
/// return to the payer. A credit bringing back a confirmed payout (its reference and amount) marks the payout returned
/// (<see cref="Payouts.PayoutReturns"/>). Debits are recorded and left alone, but for one confirming a pending payout.
/// </summary>
public sealed class BankReconciliation(
    AutoFinanceDbContext db, LoanPosting posting, Payouts.PayoutConfirmations payouts, Payouts.PayoutReturns returns, IPersonalDataProtector protector, ILookupHasher hasher, TimeProvider time)
{
    /// <summary>The loan id of the lender's own book, where suspense lives until a line is assigned or returned.</summary>
    public static readonly Guid HouseBook = Guid.Empty;

    public sealed record LineView(
        Guid LineId, string EntryReference, DateOnly BookingDate, decimal Amount, string Currency, string Direction, string? PayerName, string? References,
        StatementLineStatus Status, string? MatchedBy, Guid? LoanId, Guid? PaymentId, string? Note)
    {
        /// <summary>The reference of the loan the line went to (LN…), as staff and customers know it; in lists only.</summary>
        public string? LoanReference { get; init; }
    }

    public sealed record ImportSummary(string Format, string? StatementId, int Entries, int Matched, int Unmatched, int Ignored, int AlreadySeen, decimal Posted, decimal Suspense, IReadOnlyList<LineView> Lines);

    /// <param name="LoanReference">The loan by its reference (LN…), when not by its id.</param>
    public sealed record AssignInput(Guid? LoanId, string? Note, string? LoanReference = null);

    public sealed record ReturnInput(string? Reason);

    public async Task<CommandResult<ImportSummary>> ImportAsync(Actor actor, string content, string? format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        BankStatement statement;
        try
        {
            statement = BankStatement.Read(content ?? string.Empty, format);
        }
        catch (StatementFormatException e)
        {
            return CommandResult<ImportSummary>.Invalid("statement", e.Message);
        }

        var active = await db.Loans.AsNoTracking().Where(l => l.Status == LoanStatus.Active).Select(l => new { l.Id, l.CustomerId }).ToListAsync(ct).ConfigureAwait(false);
        var byReference = active.ToDictionary(l => RepaymentReference.For(l.Id), l => l.Id, StringComparer.Ordinal);
        var customerOf = active.ToDictionary(l => l.Id, l => l.CustomerId);
        var lines = new List<LineView>();
        int matched = 0, unmatched = 0, ignored = 0, seen = 0;
        decimal posted = 0m, suspense = 0m;
        foreach (var entry in statement.Entries)
        {
            if (await db.Set<StatementLineRow>().AnyAsync(l => l.EntryReference == entry.EntryReference, ct).ConfigureAwait(false))
            {
                seen++;
                continue;
            }

            var now = time.GetUtcNow();
            var row = new StatementLineRow
            {
                Id = Guid.CreateVersion7(now),
                EntryReference = entry.EntryReference,
                StatementId = statement.StatementId,
                Format = statement.Format,
                BookingDate = entry.BookingDate,
                Amount = entry.Amount,
                Currency = entry.Currency,
                IsCredit = entry.IsCredit,
                PayerNameCipher = entry.PayerName is { } name ? protector.Protect(name) : null,
                References = string.Join(" | ", entry.References) is { Length: > 0 } refs ? refs[..Math.Min(refs.Length, 500)] : null,
                Status = entry.IsCredit ? StatementLineStatus.Unmatched : StatementLineStatus.Ignored,
                ImportedBy = actor.AuditName,
                ImportedAt = now,
            };
            if (!entry.IsCredit)
            {
                ignored++;
                if (await SaveNewAsync(row, [], actor, ct).ConfigureAwait(false))
                {
                    lines.Add(View(await PayoutDebitAsync(row, entry, actor, ct).ConfigureAwait(false)));
                }
                else
                {
                    seen++;
                }

                continue;
            }

            var payoutReturn = await returns.TakeAsync(row, entry, actor.AuditName, ct).ConfigureAwait(false);
            if (payoutReturn == Payouts.PayoutReturns.Outcome.Busy)
            {
                // The lines before it are stored; the same statement imported again takes the rest.
                return CommandResult<ImportSummary>.Conflict(
                    $"the loan of the refund returned on line {entry.EntryReference} kept changing while it was taken; the lines before it are stored: import the statement again for the rest", "record.changed");
            }

            if (payoutReturn != Payouts.PayoutReturns.Outcome.NotAPayout)
            {
                if (payoutReturn == Payouts.PayoutReturns.Outcome.Returned)
                {
                    matched++;
                    lines.Add(View(row));
                }
                else
                {
                    seen++;
                }

                continue;
            }

            var (loanId, by) = StatementMatch.Find(entry.References, byReference, entry.Amount, await SameNameLoansAsync(entry.PayerName, ct).ConfigureAwait(false));
            if (loanId is { } id)
            {
                row.Status = StatementLineStatus.Matched;
                row.LoanId = id;
                row.MatchedBy = by == StatementMatch.By.Reference ? "reference" : "amount-and-name";
                if (!await SaveNewAsync(row, [], actor, ct).ConfigureAwait(false))
                {
                    seen++;
                    continue;
                }

                var taken = await posting.PostAsync(LoanPosting.Payer(customerOf[id], "bank"), id, entry.Amount, "hold", new LoanPosting.Arrival(PaymentChannels.BankStatement, entry.EntryReference, entry.BookingDate), ct).ConfigureAwait(false);
                var paymentId = taken.PaymentId;
                db.ChangeTracker.Clear();
                var saved = await db.Set<StatementLineRow>().FirstAsync(l => l.Id == row.Id, ct).ConfigureAwait(false);
                if (paymentId is not null)
                {
                    saved.PaymentId = paymentId;
                    await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "statement.line.matched", "loan", id.ToString(), new { saved.EntryReference, saved.Amount, saved.MatchedBy, PaymentId = paymentId })], now, ct).ConfigureAwait(false);
                    matched++;
                    posted += entry.Amount;
                    lines.Add(View(saved));
                    continue;
                }

                // The loan would not take it (closed meanwhile): it waits in suspense like any other.
                saved.Status = StatementLineStatus.Unmatched;
                saved.Note = SuspenseNotes.Refused(id, taken);
                saved.LoanId = null;
                row = saved;
                await ParkAsync(row, actor, now, ct).ConfigureAwait(false);
            }
            else if (!await SaveNewAsync(row, [Suspense(row)], actor, ct).ConfigureAwait(false))
            {
                seen++;
                continue;
            }

            unmatched++;
            suspense += entry.Amount;
            lines.Add(View(row));
        }

        return CommandResult<ImportSummary>.Ok(new ImportSummary(statement.Format, statement.StatementId, statement.Entries.Count, matched, unmatched, ignored, seen, posted, suspense, lines));
    }

    /// <summary>A debit carrying a pending payout's reference (its EndToEndId) confirms the payout, which books its loan.</summary>
    private async Task<StatementLineRow> PayoutDebitAsync(StatementLineRow row, StatementEntry entry, Actor actor, CancellationToken ct)
    {
        if (await payouts.ConfirmByStatementAsync(entry.References, entry.Amount, entry.EntryReference, actor.AuditName, ct).ConfigureAwait(false) is not { } confirmed)
        {
            return row;
        }

        db.ChangeTracker.Clear();
        var saved = await db.Set<StatementLineRow>().FirstAsync(l => l.Id == row.Id, ct).ConfigureAwait(false);
        saved.Status = StatementLineStatus.Matched;
        saved.MatchedBy = "payout";
        saved.LoanId = confirmed.LoanId;
        saved.Note = SuspenseNotes.PayoutConfirmed(confirmed.Reference);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return saved;
    }

    public async Task<IReadOnlyList<LineView>> ListAsync(string? status, CancellationToken ct)
    {
        // A status no line can have (a typo in the filter) matches nothing rather than everything.
        if (status is not null && !StateWords<StatementLineStatus>.TryParse(status, out _))
        {
            return [];
        }

        var wanted = status is null ? (StatementLineStatus?)null : StateWords<StatementLineStatus>.Parse(status);
        var rows = await db.Set<StatementLineRow>().AsNoTracking().Where(l => wanted == null || l.Status == wanted).ToListAsync(ct).ConfigureAwait(false);
        var shown = rows.OrderByDescending(l => l.BookingDate).ThenByDescending(l => l.ImportedAt).Take(500).ToList();
        var loanIds = shown.Where(l => l.LoanId is not null).Select(l => l.LoanId!.Value).Distinct().ToList();
        var references = await db.Loans.AsNoTracking().Where(l => loanIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Reference, ct).ConfigureAwait(false);
        return [.. shown.Select(l => View(l) with { LoanReference = l.LoanId is { } id ? references.GetValueOrDefault(id) : null })];
    }

    /// <summary>Moves an unmatched line out of suspense onto a loan a person chose: Dr suspense / Cr cash clearing, then the loan's payment.</summary>
    public async Task<CommandResult<LineView>> AssignAsync(Actor actor, Guid lineId, AssignInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var row = await db.Set<StatementLineRow>().FirstOrDefaultAsync(l => l.Id == lineId, ct).ConfigureAwait(false);
        if (row is null)
        {
            return CommandResult<LineView>.NotFound();
        }

        if (row.Status != StatementLineStatus.Unmatched)
        {
            return CommandResult<LineView>.Conflict($"the line is {StateWords<StatementLineStatus>.Of(row.Status)}; only an unmatched line can be assigned", "statement.line-settled");
        }

        var reference = input.LoanReference?.Trim().ToUpperInvariant();
        var loan = input.LoanId is { } loanId ? await db.Loans.AsNoTracking().FirstOrDefaultAsync(l => l.Id == loanId, ct).ConfigureAwait(false)
            : reference is { Length: > 0 } ? await db.Loans.AsNoTracking().FirstOrDefaultAsync(l => l.Reference == reference, ct).ConfigureAwait(false)
            : null;
        if (loan is null || loan.Status != LoanStatus.Active)
        {
            return CommandResult<LineView>.Invalid("loanId", "must name an active loan, by its id or its reference (LN…)", "statement.loan-unknown");
        }

        var posted = await posting.PostAsync(LoanPosting.Payer(loan.CustomerId, "bank"), loan.Id, row.Amount, "hold", new LoanPosting.Arrival(PaymentChannels.BankStatement, row.EntryReference, row.BookingDate), ct).ConfigureAwait(false);
        if (posted.PaymentId is not { } paymentId)
        {
            // The loan's own refusal, by its code, so a page can say it in its language.
            return CommandResult<LineView>.Conflict($"the loan would not take the payment: {posted.Problem}", posted.Code ?? "statement-line.loan-refused", posted.Parameters);
        }

        db.ChangeTracker.Clear();
        row = await db.Set<StatementLineRow>().FirstAsync(l => l.Id == lineId, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        row.Status = StatementLineStatus.Assigned;
        row.MatchedBy = actor.AuditName;
        row.LoanId = loan.Id;
        row.PaymentId = paymentId;
        row.ResolvedBy = actor.AuditName;
        row.ResolvedAt = now;
        row.Note = input.Note?.Trim() is { Length: > 0 } note ? note[..Math.Min(note.Length, 300)] : row.Note;
        db.JournalEntries.Add(LoanBooking.ToRow(HouseBook, RailPostings.SuspenseAssigned(Today(), Money(row), row.EntryReference), now));
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "statement.line.assigned", "loan", loan.Id.ToString(), new { row.EntryReference, row.Amount, PaymentId = paymentId })], now, ct).ConfigureAwait(false);
        return CommandResult<LineView>.Ok(View(row));
    }

    /// <summary>Sends an unmatched line's money back to the payer: Dr suspense / Cr cash clearing.</summary>
    public async Task<CommandResult<LineView>> ReturnAsync(Actor actor, Guid lineId, ReturnInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var row = await db.Set<StatementLineRow>().FirstOrDefaultAsync(l => l.Id == lineId, ct).ConfigureAwait(false);
        if (row is null)
        {
            return CommandResult<LineView>.NotFound();
        }

        if (input.Reason?.Trim() is not { Length: >= 3 and <= 300 } reason)
        {
            return CommandResult<LineView>.Invalid("reason", "must say why, in 3 to 300 characters");
        }

        if (row.Status != StatementLineStatus.Unmatched)
        {
            return CommandResult<LineView>.Conflict($"the line is {StateWords<StatementLineStatus>.Of(row.Status)}; only an unmatched line can be returned", "statement.line-settled");
        }

        var now = time.GetUtcNow();
        row.Status = StatementLineStatus.Returned;
        row.ResolvedBy = actor.AuditName;
        row.ResolvedAt = now;
        row.Note = reason;
        db.JournalEntries.Add(LoanBooking.ToRow(HouseBook, RailPostings.SuspenseReturned(Today(), Money(row), row.EntryReference), now));
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "statement.line.returned", "statement-line", row.Id.ToString(), new { row.EntryReference, row.Amount, reason })], now, ct).ConfigureAwait(false);
        return CommandResult<LineView>.Ok(View(row));
    }

    /// <summary>Loans of customers with the payer's name (by the keyed name hash) and the amount now due on each, net of credit held.</summary>
    private async Task<IReadOnlyList<StatementMatch.Candidate>> SameNameLoansAsync(string? payerName, CancellationToken ct)
    {
        if (payerName is not { Length: > 0 })
        {
            return [];
        }

        var hash = hasher.Hash("name", payerName.Normalize().ToUpperInvariant());
        var customers = db.Customers.AsNoTracking().Where(c => c.FullNameHash == hash).Select(c => c.Id);
        var loans = await db.Loans.AsNoTracking().Where(l => l.Status == LoanStatus.Active && customers.Contains(l.CustomerId)).Select(l => l.Id).ToListAsync(ct).ConfigureAwait(false);
        var candidates = new List<StatementMatch.Candidate>();
        foreach (var loanId in loans)
        {
            var next = await db.Installments.AsNoTracking().Where(i => i.LoanId == loanId && i.PaidPrincipal + i.PaidInterest + i.PaidFee < i.Principal + i.Interest + i.Fee)
                .OrderBy(i => i.Number).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (next is not null)
            {
                // What the customer is asked to pay: the instalment's rest, less credit already held for it.
                var credit = await CustomerCredit.OfAsync(db, loanId, ct).ConfigureAwait(false);
                candidates.Add(new(loanId, Math.Max(0m, next.Payment - next.PaidPrincipal - next.PaidInterest - next.PaidFee - credit)));
            }
        }

        return candidates;
    }

    private async Task<bool> SaveNewAsync(StatementLineRow row, IReadOnlyList<JournalEntryRow> entries, Actor actor, CancellationToken ct)
    {
        db.Set<StatementLineRow>().Add(row);
        db.JournalEntries.AddRange(entries);
        try
        {
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, $"statement.line.{StateWords<StatementLineStatus>.Of(row.Status)}", "statement-line", row.Id.ToString(), new { row.EntryReference, row.Amount, row.LoanId })], row.ImportedAt, ct).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task ParkAsync(StatementLineRow row, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        db.JournalEntries.Add(Suspense(row));
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "statement.line.unmatched", "statement-line", row.Id.ToString(), new { row.EntryReference, row.Amount, row.Note })], now, ct).ConfigureAwait(false);
    }

    private JournalEntryRow Suspense(StatementLineRow row) =>
        LoanBooking.ToRow(HouseBook, RailPostings.SuspenseReceipt(row.BookingDate, Money(row), row.EntryReference), time.GetUtcNow());

    private static Money Money(StatementLineRow row) => Domain.Monetary.Money.Of(row.Amount, Currency.FromCode(row.Currency));

    private DateOnly Today() => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    private LineView View(StatementLineRow row) =>
        new(row.Id, row.EntryReference, row.BookingDate, row.Amount, row.Currency, row.IsCredit ? "credit" : "debit", row.PayerNameCipher is { } cipher ? Mask(protector.Unprotect(cipher)) : null,
            row.References, row.Status, row.MatchedBy, row.LoanId, row.PaymentId, row.Note);

    /// <summary>The payer's name as staff see it in lists: the family name and a mark for the rest.</summary>
    private static string Mask(string name) => name.Length <= 1 ? name : name[..1] + new string('*', Math.Min(name.Length - 1, 3));
}
