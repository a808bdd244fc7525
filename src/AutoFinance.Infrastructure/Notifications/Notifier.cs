using AutoFinance.Domain.Notifications;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Notifications;

/// <summary>
/// Raises notices where events happen: the outbox rows are added to the caller's unit of work, so they are saved in
/// the same transaction as the event (or not at all), and delivered later by the outbox dispatcher with its retries.
/// A notice already in the outbox (the same event raised again) is not added twice.
/// </summary>
public sealed class Notifier(AutoFinanceDbContext db, NotificationOptions options, TimeProvider time)
{
    public Task RaiseAsync(Notice notice, CancellationToken ct) => RaiseAsync([notice], ct);

    public async Task RaiseAsync(IReadOnlyList<Notice> notices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (notices.Count == 0)
        {
            return;
        }

        var recipients = await Recipients.LoadAsync(db, [.. notices.Select(n => n.CustomerId)], ct).ConfigureAwait(false);
        var rows = Compose(notices, recipients, options, time.GetUtcNow());
        var keys = rows.Select(r => r.DedupeKey).ToList();
        Add(rows, await db.Outbox.AsNoTracking().Where(m => keys.Contains(m.DedupeKey)).Select(m => m.DedupeKey).ToListAsync(ct).ConfigureAwait(false));
    }

    /// <summary>
    /// The same for a caller that read the recipients and which of the notices' outbox keys are taken in a query of
    /// its own (<see cref="Recipients.Of"/>), so raising them reads nothing more.
    /// </summary>
    public void Raise(IReadOnlyList<Notice> notices, IReadOnlyDictionary<Guid, Recipient> recipients, IEnumerable<string> taken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(taken);
        if (notices.Count > 0)
        {
            Add(Compose(notices, recipients, options, time.GetUtcNow()), taken);
        }
    }

    /// <summary>
    /// The same for a caller whose rows are stored by its caller's write (<see cref="DeferredWrite"/>), not through
    /// this context, and whose notices tell of what the write itself makes: none can be in the outbox yet.
    /// </summary>
    public void Raise(IReadOnlyList<Notice> notices, IReadOnlyDictionary<Guid, Recipient> recipients, DeferredWrite write)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(write);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        write.InsertAll(Compose(notices, recipients, options, time.GetUtcNow()).Where(r => seen.Add(r.DedupeKey)));
    }

    /// <summary>
    /// Adds the rows whose keys are neither in the outbox already nor added to this unit of work before. Outbox rows
    /// are only ever added directly, never reached through another entity, so the rows already tracked are listed
    /// without a scan of every tracked entity for changes (which reading <c>Local</c> would start).
    /// </summary>
    private void Add(List<OutboxMessageRow> rows, IEnumerable<string> taken)
    {
        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var seen = taken.Concat(db.Outbox.Local.Select(m => m.DedupeKey)).ToHashSet(StringComparer.Ordinal);
            db.Outbox.AddRange(rows.Where(r => seen.Add(r.DedupeKey)));
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>The rows for notices whose recipients are known (a customer not on file is told nothing).</summary>
    public static List<OutboxMessageRow> Compose(IEnumerable<Notice> notices, IReadOnlyDictionary<Guid, Recipient> recipients, NotificationOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(recipients);
        return [.. notices.Where(n => recipients.ContainsKey(n.CustomerId)).SelectMany(n => NoticeComposer.Compose(n, recipients[n.CustomerId], options, now))];
    }
}
