using AutoFinance.Application.Servicing;
using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Notifications;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// The loan store on the EF rows: a loan's rows become the aggregate (<see cref="LoanMapping"/>), and on save the
/// aggregate's state is copied back onto the rows it was loaded from, its new postings become payment rows, the
/// entries journal rows, with the audit event, in one transaction; the loan's version catches a concurrent change and
/// the unique key index a key taken at the same moment.
/// </summary>
public sealed class EfLoanStore(AutoFinanceDbContext db, ProductCatalog catalog, Notifications.Notifier notifier) : ILoanStore
{
    private const string ReversalActor = "system:reversal";

    // A loan's instalments in order, read by every load: compiled once per model.
    private static readonly PerModel<Func<AutoFinanceDbContext, Guid, IAsyncEnumerable<InstallmentRow>>> UntrackedInstallments = new(() =>
        EF.CompileAsyncQuery<AutoFinanceDbContext, Guid, InstallmentRow>((db, loanId) => db.Installments.AsNoTracking().Where(i => i.LoanId == loanId).OrderBy(i => i.Number)));

    private static readonly PerModel<Func<AutoFinanceDbContext, Guid, IAsyncEnumerable<InstallmentRow>>> TrackedInstallments = new(() =>
        EF.CompileAsyncQuery<AutoFinanceDbContext, Guid, InstallmentRow>((db, loanId) => db.Installments.Where(i => i.LoanId == loanId).OrderBy(i => i.Number)));

    private static readonly PerModel<Func<AutoFinanceDbContext, Guid, string, CancellationToken, Task<StoredReply?>>> Replies = new(() =>
        EF.CompileAsyncQuery((AutoFinanceDbContext db, Guid loanId, string key, CancellationToken ct) =>
            db.Payments.AsNoTracking().Where(p => p.LoanId == loanId && p.IdempotencyKey == key).Select(p => new StoredReply(p.ResponseJson, p.RequestHash)).FirstOrDefault()));

    private readonly Dictionary<Guid, Loaded> loaded = [];

    /// <summary>
    /// When set, a load reads the loan's rows untracked and keeps them as read, and a save leaves its rows and its
    /// audit event here, for the caller to store them with its own in one write (<see cref="GroupCommit"/>), where the
    /// loan's version and the key's index are checked: that caller answers a concurrent change
    /// (<see cref="DbUpdateConcurrencyException"/>) and a key taken itself. A change that deletes rows (a re-plan
    /// dropping instalments) is saved on its own still, through the context: the group commit takes no deletions.
    /// </summary>
    public DeferredWrite? Deferred { get; set; }

    private (LoanRow Loan, KnownWithRow Known, IReadOnlyDictionary<Guid, Recipient> Recipients)? preread;

    /// <summary>
    /// The loan's row (untracked), what a load needs besides its instalments and whom its customer's notices go to
    /// (empty when the customer is not on file), read by the caller in queries of its own: the next load of that loan
    /// to add a posting and its save take them instead of reading them again.
    /// </summary>
    public void Preread(LoanRow loan, KnownWithRow known, IReadOnlyDictionary<Guid, Recipient> recipients) => preread = (loan, known, recipients);

    public async Task<ServicedLoan?> LoadAsync(Guid loanId, LoanLoad load, CancellationToken ct)
    {
        if (preread is { } early && early.Loan.Id == loanId && load == LoanLoad.ForPosting)
        {
            preread = null;
            if (Deferred is null)
            {
                db.Loans.Attach(early.Loan);
            }

            var serviced = await LoadAsync(early.Loan, load, early.Known, ct).ConfigureAwait(false);
            loaded[loanId] = loaded[loanId] with { Recipients = early.Recipients };
            return serviced;
        }

        preread = null;
        var readOnly = load == LoanLoad.ForQuote;
        var loans = readOnly || Deferred is not null ? db.Loans.AsNoTracking() : db.Loans;
        var loan = await loans.FirstOrDefaultAsync(l => l.Id == loanId, ct).ConfigureAwait(false);
        return loan is null ? null : await LoadAsync(loan, load, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The loan as <see cref="LoadAsync(Guid, LoanLoad, CancellationToken)"/> gives it, from its row already read
    /// (untracked for <see cref="LoanLoad.ForQuote"/> and for a deferred change, tracked by this store's context for
    /// another change), so a caller that has read the row does not read it again.
    /// </summary>
    public Task<ServicedLoan> LoadAsync(LoanRow loan, LoanLoad load, CancellationToken ct) => LoadAsync(loan, load, null, ct);

    /// <summary>
    /// The same, taking the credit held and the product's names from <paramref name="known"/> when the caller read
    /// them with the row, so only the instalments are read.
    /// </summary>
    public async Task<ServicedLoan> LoadAsync(LoanRow loan, LoanLoad load, KnownWithRow? known, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(loan);
        var loanId = loan.Id;
        var readOnly = load == LoanLoad.ForQuote;
        // For a change whose caller stores it (Deferred), read untracked and each row kept as read: a payment changes one
        // or two of a loan's instalments, and tracking them all (a snapshot each, every one scanned for changes on save)
        // costs more. Other changes track them, as their callers may track rows of the loan already.
        var kept = !readOnly && Deferred is not null;
        var installments = new List<InstallmentRow>();
        await foreach (var row in (readOnly || kept ? UntrackedInstallments : TrackedInstallments).For(db)(db, loanId).WithCancellation(ct).ConfigureAwait(false))
        {
            installments.Add(row);
        }

        UntrackedRows<InstallmentRow>? asRead = null;
        UntrackedRows<LoanRow>? loanAsRead = null;
        if (kept)
        {
            asRead = new UntrackedRows<InstallmentRow>(db);
            asRead.KeepAll(installments);
            loanAsRead = new UntrackedRows<LoanRow>(db);
            loanAsRead.Keep(loan);
        }

        List<PaymentRow> payments = [];
        DateOnly? restructuredOn = null;
        if (load == LoanLoad.WithHistory)
        {
            payments = await db.Payments.Where(p => p.LoanId == loanId && p.Status == PostingStatus.Posted).OrderBy(p => p.PaidOn).ThenBy(p => p.ReceivedAt).ToListAsync(ct).ConfigureAwait(false);
            restructuredOn = await db.HardshipPlans.Where(h => h.LoanId == loanId).Select(h => (DateOnly?)h.EffectiveOn).MaxAsync(ct).ConfigureAwait(false);
        }

        var held = known?.Held ?? await CustomerCredit.HeldAsync(db, loanId, ct).ConfigureAwait(false);
        var product = known is null
            ? await ProductTerms.OfAsync(db, catalog, loan, ct).ConfigureAwait(false)
            : await ProductTerms.OfAsync(db, catalog, loan, known.ProductCode, known.Promotion, ct).ConfigureAwait(false);
        var aggregate = LoanMapping.ToAggregate(loan, installments, payments, held, ProductTerms.Servicing(product), restructuredOn, product.DayCount);
        loaded[loanId] = new Loaded(loan, installments, loanAsRead, asRead, payments, [.. aggregate.Postings]);
        return new ServicedLoan(loan.Id, loan.CustomerId, aggregate);
    }

    public async Task<int?> LongestTermMonthsAsync(Guid loanId, CancellationToken ct)
    {
        var made = await db.Loans.AsNoTracking().Where(l => l.Id == loanId)
            .Join(db.Applications, l => l.ApplicationId, a => a.Id, (l, a) => new { a.ProductCode, a.VehicleCondition, l.ProductVersion })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (made?.ProductCode is not { } code)
        {
            return null;
        }

        var product = await ProductTerms.VersionOrCurrentAsync(db, catalog, code, made.ProductVersion, ct).ConfigureAwait(false);
        return product?.Policy.MaxTermFor(made.VehicleCondition == "used" ? VehicleCondition.Used : VehicleCondition.New);
    }

    public async Task<StoredReply?> ReplyAsync(Guid loanId, string idempotencyKey, CancellationToken ct) =>
        await Replies.For(db)(db, loanId, idempotencyKey, ct).ConfigureAwait(false);

    public Task<bool> HasPaymentAsync(Guid loanId, Guid paymentId, CancellationToken ct) =>
        db.Payments.AnyAsync(p => p.Id == paymentId && p.LoanId == loanId, ct);

    public async Task<SaveOutcome> SaveAsync(LoanChanges changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var loanId = changes.Loan.Id;
        var (loan, installments, loanAsRead, asRead, payments, initial) = loaded.TryGetValue(loanId, out var rows)
            ? rows
            : throw new InvalidOperationException($"loan {loanId} was not loaded for a change by this store");
        var aggregate = changes.Loan.Aggregate;
        var now = changes.At;
        var statusBefore = loan.Status;
        LoanMapping.CopyBack(aggregate, loan, installments, db);
        // The caller stores the rows, unless the change removed some: then they are saved here, through the context.
        var write = Deferred is { } deferred && !Deletes() ? deferred : null;
        var known = payments.Select(p => p.Id).ToHashSet();
        var added = aggregate.Postings.Where(p => !known.Contains(p.Id)).ToList();
        Restate(payments, initial, aggregate, changes, now);

        var newRows = added.Select(p => LoanMapping.NewRow(loanId, p, changes.Reversal is null ? changes.PostedBy : ReversalActor, now)).ToList();
        if (changes.Reply is { } reply && newRows.Find(r => r.Id == reply.PostingId) is { } row)
        {
            row.IdempotencyKey = reply.IdempotencyKey;
            row.RequestHash = reply.RequestHash;
            row.ResponseJson = reply.ResponseJson;
            row.Channel = reply.Channel;
            row.ReceiptReference = reply.ReceiptReference;
        }

        var entries = changes.Reversal is { } reversed
            ? [.. changes.Entries.Select(e => Tagged(loanId, e, reversed.PaymentId, now))]
            : LoanMapping.EntryRows(loanId, changes.Entries, added, now);
        if (write is not null)
        {
            write.InsertAll(newRows);
            entries.ForEach(write.InsertEntry);
        }
        else
        {
            db.Payments.AddRange(newRows);
            db.JournalEntries.AddRange(entries);
        }

        if (changes.Hardship is { } plan)
        {
            db.HardshipPlans.Add(new HardshipPlanRow
            {
                Id = plan.Id,
                LoanId = loanId,
                Kind = plan.Kind,
                ParametersJson = plan.ParametersJson,
                ScheduleBeforeJson = plan.ScheduleBeforeJson,
                EffectiveOn = plan.EffectiveOn,
                Actor = plan.Actor,
                CreatedAt = now,
            });
        }

        loan.Version++;
        if (write is not null)
        {
            loanAsRead?.DeferChanged(write);
            asRead?.DeferChanged(write);
        }
        else
        {
            loanAsRead?.TrackChanged(db);
            asRead?.TrackChanged(db);
        }

        try
        {
            Notice[] notices = [.. changes.Notices.Select(n => n with
            {
                Values = new Dictionary<string, object>(n.Values) { ["loan"] = loan.Reference },
                Currency = loan.Currency,
            }), .. LoanClosure.Notice(statusBefore, loan) is { } closure ? [closure] : Array.Empty<Notice>()];
            // A notice's key names the payment it tells of, made by this change: none can be in the outbox yet.
            if (rows.Recipients is { } recipients && write is not null)
            {
                notifier.Raise(notices, recipients, write);
            }
            else if (rows.Recipients is { } read)
            {
                notifier.Raise(notices, read, []);
            }
            else
            {
                await notifier.RaiseAsync(notices, ct).ConfigureAwait(false);
            }

            var audit = changes.Audit;
            AuditEvent[] events = [new AuditEvent(audit.Actor, audit.Action, "loan", loanId.ToString(), audit.Data)];
            if (write is not null)
            {
                write.Events.AddRange(events);
                return SaveOutcome.Saved;
            }

            await AuditLog.SaveWithAsync(db, events, now, ct).ConfigureAwait(false);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.Concurrent;
        }
        catch (DbUpdateException e) when (changes.Reply?.IdempotencyKey is not null && UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.KeyTaken;
        }
        finally
        {
            loaded.Remove(loanId);
        }
    }

    /// <summary>
    /// The rows of postings an operation took off and applied again (a reversal, a backdated payment): a posting
    /// applied again gets its new split; one no longer in force (the reversed payment, held credit applied anew) is
    /// marked reversed, saying why.
    /// </summary>
    private static void Restate(List<PaymentRow> payments, IReadOnlyList<LoanPosting> initial, Loan aggregate, LoanChanges changes, DateTimeOffset now)
    {
        var inForce = aggregate.Postings.ToDictionary(p => p.Id);
        var before = initial.ToDictionary(p => p.Id);
        foreach (var row in payments)
        {
            if (inForce.TryGetValue(row.Id, out var posting))
            {
                if (ReferenceEquals(posting, before[row.Id]))
                {
                    continue;
                }

                LoanMapping.CopyBack(posting, row);
            }
            else
            {
                row.Status = PostingStatus.Reversed;
                row.ReversedAt = now;
                row.ReversalReason = changes.Reversal is { } reversal
                    ? row.Id == reversal.PaymentId ? reversal.Reason : $"applied again after the reversal of payment {reversal.PaymentId}"
                    : $"applied again after the backdated payment {changes.Reply?.PostingId}";
            }

            row.Version++;
        }
    }

    /// <summary>Whether the unit of work deletes a row. A deletion is marked when made (<c>Remove</c>), never found by detecting changes, so no scan for changes is started.</summary>
    private bool Deletes()
    {
        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries().Any(e => e.State == EntityState.Deleted);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private static JournalEntryRow Tagged(Guid loanId, Domain.Servicing.JournalEntry entry, Guid paymentId, DateTimeOffset now)
    {
        var row = LoanBooking.ToRow(loanId, entry, now);
        row.PaymentId = paymentId;
        return row;
    }

    /// <summary>What a load needs besides the loan's row and instalments: the credit held, the product's code (null when the application is not on file) and the accepted offer's promotion.</summary>
    public sealed record KnownWithRow(CustomerCredit.Held Held, string? ProductCode, string? Promotion);

    /// <param name="Recipients">Whom the loan's notices go to, when the caller read them (<see cref="Preread"/>).</param>
    /// <param name="LoanAsRead">The loan's row as read, when it was read untracked for a deferred change.</param>
    /// <param name="AsRead">The instalments as read, likewise.</param>
    private sealed record Loaded(LoanRow Loan, List<InstallmentRow> Installments, UntrackedRows<LoanRow>? LoanAsRead, UntrackedRows<InstallmentRow>? AsRead, List<PaymentRow> Payments, IReadOnlyList<LoanPosting> Initial)
    {
        public IReadOnlyDictionary<Guid, Recipient>? Recipients { get; init; }
    }
}
