using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AutoFinance.Application.Common;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Audit;

/// <summary>
/// The hash-chained audit log. Each entry's hash is SHA-256 over the previous entry's hash and the entry's own
/// fields, so an edited, deleted or reordered entry breaks the chain from that point on, which
/// <see cref="VerifyAsync"/> finds. Appends are serialised in-process; across processes the primary key on the
/// sequence makes a second writer of the same position fail rather than fork the chain.
/// </summary>
public static class AuditLog
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Runs <paramref name="work"/> while holding the append gate, so the entries it adds chain in order.</summary>
    public static async Task<T> SerialisedAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Saves the context's pending changes together with the events as the next entries of the chain, in one
    /// transaction, holding the append gate: the one way a change and its audit trail are written together.
    /// </summary>
    public static Task SaveWithAsync(AutoFinanceDbContext db, IEnumerable<AuditEvent> events, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return SerialisedAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await AppendAsync(db, events, at, ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        });
    }

    /// <summary>Adds the events to the context as the next entries of the chain (call inside <see cref="SerialisedAsync"/>).</summary>
    public static async Task AppendAsync(AutoFinanceDbContext db, IEnumerable<AuditEvent> events, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditEntries.AddRange(await ChainAsync(db, events, at, ct).ConfigureAwait(false));
    }

    /// <summary>The events as the next entries of the chain, hashed and ready to insert (call inside <see cref="SerialisedAsync"/>).</summary>
    public static async Task<List<AuditEntryRow>> ChainAsync(AutoFinanceDbContext db, IEnumerable<AuditEvent> events, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        var entries = new List<AuditEntryRow>();
        if (db.Database.CurrentTransaction is not null)
        {
            await db.Database.ExecuteSqlRawAsync(db.AuditChainLockSql, ct).ConfigureAwait(false);
        }

        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? Genesis;

        // PostgreSQL keeps timestamps to the microsecond; hash what is stored, not the finer clock reading.
        at = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);
        foreach (var e in events)
        {
            sequence++;
            var entry = new AuditEntryRow
            {
                Sequence = sequence,
                At = at,
                Actor = e.Actor,
                Action = e.Action,
                EntityType = e.EntityType,
                EntityId = e.EntityId,
                DataJson = e.Data as string ?? Json.Serialize(e.Data),
                PreviousHash = previous,
                Hash = string.Empty,
            };
            entry.Hash = HashOf(entry);
            previous = entry.Hash;
            entries.Add(entry);
        }

        return entries;
    }

    public static string HashOf(AuditEntryRow entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var content = string.Join('\u001f',
            entry.PreviousHash,
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            entry.DataJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    public sealed record Verification(long Entries, bool Intact, long? FirstBrokenSequence, string? Problem);

    /// <summary>Walks the whole chain in order and reports the first entry that does not hash to what it claims.</summary>
    public static async Task<Verification> VerifyAsync(AutoFinanceDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var previous = Genesis;
        long expected = 1;
        long count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (entry.Sequence != expected)
            {
                return new Verification(count, false, expected, $"entry {expected} is missing");
            }

            if (entry.PreviousHash != previous)
            {
                return new Verification(count, false, entry.Sequence, $"entry {entry.Sequence} does not follow the hash of entry {entry.Sequence - 1}");
            }

            if (HashOf(entry) != entry.Hash)
            {
                return new Verification(count, false, entry.Sequence, $"entry {entry.Sequence} was altered: its content no longer matches its hash");
            }

            previous = entry.Hash;
            expected++;
        }

        return new Verification(count, true, null, null);
    }
}
