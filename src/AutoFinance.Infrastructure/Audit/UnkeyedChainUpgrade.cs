using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Audit;

/// <summary>
/// Keys an audit log written before the chain was keyed (plain SHA-256 hashes), once, at the first start with a key:
/// the old chain is walked and must be whole, then every entry is hashed again under the key in one transaction, the
/// head is anchored, and the upgrade itself is audited. It is refused when the checkpoint file already anchors a chain:
/// an unkeyed log found after that is a rewritten one, left for <c>audit verify</c> to report.
/// </summary>
public static class UnkeyedChainUpgrade
{
    /// <summary>The number of entries keyed; 0 when the log is empty, already keyed, broken, or anchored before.</summary>
    public static async Task<long> KeyAsync(AutoFinanceDbContext db, AuditAnchoring anchoring, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(anchoring);
        var key = AuditLog.KeyOf(db);
        var first = await db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Sequence == 1, ct).ConfigureAwait(false);
        if (first is null || AuditLog.PlainHashOf(first) != first.Hash || anchoring.AnchorsAnyChain())
        {
            return 0;
        }

        var keyed = await AuditLog.SerialisedAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync(db.AuditChainLockSql, ct).ConfigureAwait(false);
            var entries = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync(ct).ConfigureAwait(false);
            var storedPrevious = AuditLog.Genesis;
            var previous = AuditLog.Genesis;
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                var whole = entry.Sequence == i + 1 && entry.PreviousHash == storedPrevious
                    && (AuditLog.PlainHashOf(entry) == entry.Hash || AuditLog.HashOf(entry, key) == entry.Hash);
                if (!whole)
                {
                    return 0L;
                }

                storedPrevious = entry.Hash;
                entry.PreviousHash = previous;
                entry.Hash = AuditLog.HashOf(entry, key);
                previous = entry.Hash;
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await AuditLog.AppendAsync(db, [new AuditEvent("system", "audit.chain-keyed", "audit-log", "1", new { Entries = entries.Count, UnkeyedHead = storedPrevious })], now, ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return (long)entries.Count;
        }).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        if (keyed > 0)
        {
            await anchoring.CheckpointAsync(db, ct).ConfigureAwait(false);
        }

        return keyed;
    }
}
