using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AutoFinance.Application.Common;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Audit;

/// <summary>
/// The keyed, hash-chained audit log. Each entry's hash is HMAC-SHA256, under a key kept in the key directory and
/// never in the database, over the previous entry's hash and the entry's own fields: an edited, deleted or reordered
/// entry breaks the chain from that point on, and someone holding only the database cannot compute the hashes again.
/// Truncation of the newest entries is caught against the signed checkpoints kept outside the database
/// (<see cref="AuditAnchoring"/>). Appends are serialised in-process; across processes the primary key on the
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
    public static Task<List<AuditEntryRow>> ChainAsync(AutoFinanceDbContext db, IEnumerable<AuditEvent> events, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        return ChainAsync(db, [(events, at)], ct);
    }

    /// <summary>
    /// The events of several writes committed together, as the next entries of the chain in the order given, each
    /// write's entries at its own time (call inside <see cref="SerialisedAsync"/>).
    /// </summary>
    public static async Task<List<AuditEntryRow>> ChainAsync(AutoFinanceDbContext db, IReadOnlyList<(IEnumerable<AuditEvent> Events, DateTimeOffset At)> writes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(writes);
        var key = KeyOf(db);
        var entries = new List<AuditEntryRow>();
        if (db.Database.CurrentTransaction is not null)
        {
            await db.Database.ExecuteSqlRawAsync(db.AuditChainLockSql, ct).ConfigureAwait(false);
        }

        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? Genesis;
        foreach (var (events, written) in writes)
        {
            ArgumentNullException.ThrowIfNull(events);

            // PostgreSQL keeps timestamps to the microsecond; hash what is stored, not the finer clock reading.
            var at = new DateTimeOffset(written.UtcTicks - (written.UtcTicks % 10), TimeSpan.Zero);
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
                entry.Hash = HashOf(entry, key);
                previous = entry.Hash;
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>The entry's keyed hash: HMAC-SHA256 under the chain key over the previous hash and the entry's fields.</summary>
    public static string HashOf(AuditEntryRow entry, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Content(entry)));
    }

    /// <summary>The unkeyed SHA-256 of the same content: what someone without the key would compute, recognised as such.</summary>
    public static string PlainHashOf(AuditEntryRow entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Convert.ToHexStringLower(SHA256.HashData(Content(entry)));
    }

    private static byte[] Content(AuditEntryRow entry) => Encoding.UTF8.GetBytes(string.Join('\u001f',
        entry.PreviousHash,
        entry.Sequence.ToString(CultureInfo.InvariantCulture),
        entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
        entry.Actor,
        entry.Action,
        entry.EntityType,
        entry.EntityId,
        entry.DataJson));

    internal static byte[] KeyOf(AutoFinanceDbContext db) => db.AuditChainKey
        ?? throw new InvalidOperationException("the audit chain has no key: open the database with UseAuditChainKey (the key directory's audit-chain.key)");

    /// <summary>How far a walk of the chain got: the entries read, the head, and the first break if any.</summary>
    internal sealed record Walk(long Entries, long HeadSequence, string HeadHash, AuditBreak? Break);

    /// <summary>
    /// Walks the chain in order from entry <paramref name="from"/> (its own link to the entry before is taken on
    /// trust unless it is the first), checking that no sequence is missing, that each entry links to the one before,
    /// that each hash is the keyed hash of the entry's content, and that every anchored entry still has the anchored hash.
    /// </summary>
    internal static async Task<Walk> WalkAsync(AutoFinanceDbContext db, long from, IReadOnlyDictionary<long, string> anchors, CancellationToken ct)
    {
        var key = KeyOf(db);
        string? previous = from == 1 ? Genesis : null;
        var expected = from;
        long count = 0;
        long head = from - 1;
        var headHash = Genesis;
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (entry.Sequence != expected)
            {
                return new Walk(count, head, headHash, new AuditBreak(expected, AuditBreak.Missing, $"entry {expected} is missing (deleted)"));
            }

            if (previous is not null && entry.PreviousHash != previous)
            {
                return new Walk(count, head, headHash, new AuditBreak(entry.Sequence, AuditBreak.Unlinked, $"entry {entry.Sequence} does not follow the hash of entry {entry.Sequence - 1}"));
            }

            if (!string.Equals(HashOf(entry, key), entry.Hash, StringComparison.Ordinal))
            {
                return new Walk(count, head, headHash, PlainHashOf(entry) == entry.Hash
                    ? new AuditBreak(entry.Sequence, AuditBreak.Rehashed, $"entry {entry.Sequence} was re-hashed without the chain key (plain SHA-256)")
                    : new AuditBreak(entry.Sequence, AuditBreak.Altered, $"entry {entry.Sequence} was altered: its content no longer matches its keyed hash"));
            }

            if (anchors.TryGetValue(entry.Sequence, out var anchored) && anchored != entry.Hash)
            {
                return new Walk(count, head, headHash, new AuditBreak(entry.Sequence, AuditBreak.CheckpointMismatch, $"entry {entry.Sequence} differs from the checkpoint written of it"));
            }

            previous = entry.Hash;
            head = entry.Sequence;
            headHash = entry.Hash;
            expected++;
        }

        return new Walk(count, head, headHash, null);
    }
}

/// <summary>The first place the audit trail is not what was written, and what kind of break it is (a stable code).</summary>
public sealed record AuditBreak(long? Sequence, string Kind, string Problem)
{
    public const string Missing = "missing-entry";
    public const string Unlinked = "unlinked";
    public const string Rehashed = "rehashed-without-key";
    public const string Altered = "altered";
    public const string Truncated = "truncated";
    public const string CheckpointMismatch = "checkpoint-mismatch";
    public const string CheckpointForged = "checkpoint-forged";
}
