using AutoFinance.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// Group commit of small writes (a payment intent and its audit entry, a failed checkout recorded, a bureau
/// authorisation): concurrent requests hand over what their context would save, and one writer stores whatever has
/// queued up in one transaction (one fsync), with the audit entries chained in the order the writes arrived, holding
/// the audit append gate so no other in-process writer waits on the database's lock. Each request is answered only
/// once its write is durable. If a batch fails (say, two requests racing for one idempotency key), its writes are
/// stored one by one so only the offending one fails, with the database's own error. On SQLite the rows are stored
/// through statements kept on the native connection (<see cref="SqliteChangeWrites"/>).
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly BatchedWrites<Write> _writes;

    public GroupCommit(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _writes = new BatchedWrites<Write>("changes", StoreAsync);
    }

    /// <summary>
    /// Saves the context's pending inserts and updates, with the events as the next entries of the audit chain, in a
    /// transaction shared with other requests' writes; afterwards the context tracks nothing. Deletions are not
    /// taken (save those with <see cref="AuditLog.SaveWithAsync"/>).
    /// </summary>
    public Task SaveAsync(AutoFinanceDbContext db, IReadOnlyList<AuditEvent> events, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        return EnqueueAsync(new Write(TrackedChanges(db), events, at), ct);
    }

    /// <summary>The same, with the rows and audit events a unit of work left untracked (<see cref="DeferredWrite"/>) stored after the context's changes.</summary>
    public Task SaveAsync(AutoFinanceDbContext db, DeferredWrite write, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(write);
        var changes = TrackedChanges(db);
        changes.AddRange(write.Rows);
        return EnqueueAsync(new Write(changes, [.. write.Events], at), ct);
    }

    /// <summary>The context's pending inserts and updates; afterwards the context tracks nothing.</summary>
    private static List<Change> TrackedChanges(AutoFinanceDbContext db)
    {
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var changes = new List<Change>();
        // Changes were just detected: listing the entries must not scan every tracked row for them again.
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries())
            {
                switch (entry.State)
                {
                    case EntityState.Added:
                        changes.Add(new Change(entry.Entity, EntityState.Added, []));
                        break;
                    case EntityState.Modified:
                        changes.Add(new Change(entry.Entity, EntityState.Modified,
                            [.. entry.Properties.Where(p => p.IsModified).Select(p => (p.Metadata.Name, p.OriginalValue))]));
                        break;
                    case EntityState.Deleted:
                        throw new InvalidOperationException("a group commit takes inserts and updates, not deletions");
                }
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }

        tracker.Clear();
        return changes;
    }

    private Task EnqueueAsync(Write write, CancellationToken ct) => _writes.WriteAsync(write, ct);

    /// <summary>Inserts rows no context tracks (with no audit entry), in a transaction shared with other requests' writes.</summary>
    public Task InsertAsync(IReadOnlyList<object> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return EnqueueAsync(new Write([.. rows.Select(r => new Change(r, EntityState.Added, []))], [], default), ct);
    }

    /// <summary>Inserts rows no context tracks, with the events as the next entries of the audit chain, in a transaction shared with other requests' writes.</summary>
    public Task InsertAsync(IReadOnlyList<object> rows, IReadOnlyList<AuditEvent> events, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(events);
        return EnqueueAsync(new Write([.. rows.Select(r => new Change(r, EntityState.Added, []))], events, at), ct);
    }

    public ValueTask DisposeAsync() => _writes.DisposeAsync();

    private async Task StoreAsync(IReadOnlyList<Write> batch)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        await AuditLog.SerialisedAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
            var audited = batch.Where(b => b.Events.Count > 0).Select(b => ((IEnumerable<AuditEvent>)b.Events, b.At)).ToList();
            List<AuditEntryRow> entries = audited.Count > 0 ? await AuditLog.ChainAsync(db, audited, CancellationToken.None).ConfigureAwait(false) : [];
            List<Change> changes = [.. batch.SelectMany(b => b.Changes), .. entries.Select(e => new Change(e, EntityState.Added, []))];
            // On SQLite, through statements kept on the native connection; otherwise (and for rows
            // those do not store as EF would) through EF.
            if (!SqliteChangeWrites.TryStore(db, changes))
            {
                foreach (var change in changes)
                {
                    Track(db, change);
                }

                await db.SaveChangesAsync().ConfigureAwait(false);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>The change as the request's context had it: an insert, or an update of exactly the properties it changed.</summary>
    private static void Track(AutoFinanceDbContext db, Change change)
    {
        if (change.State == EntityState.Added)
        {
            db.Entry(change.Entity).State = EntityState.Added;
            return;
        }

        EntityEntry entry = db.Entry(change.Entity);
        entry.State = EntityState.Unchanged;
        foreach (var (name, original) in change.Modified)
        {
            var property = entry.Property(name);
            property.OriginalValue = original;
            property.IsModified = true;
        }
    }

    /// <summary>A row to insert, or to update in the properties named (with the values they were read with).</summary>
    internal sealed record Change(object Entity, EntityState State, IReadOnlyList<(string Name, object? Original)> Modified);

    private sealed record Write(IReadOnlyList<Change> Changes, IReadOnlyList<AuditEvent> Events, DateTimeOffset At);
}
