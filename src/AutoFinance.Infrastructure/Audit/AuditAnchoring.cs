using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Audit;

/// <summary>
/// Verifies the audit chain with its key and against the signed checkpoints outside the database, and writes a new
/// checkpoint of the head once the chain up to it checks out (never anchoring a head that does not).
/// </summary>
/// <remarks>
/// The key alone stops anyone holding the database from rewriting entries; it cannot stop them deleting the newest
/// ones, since a shorter chain is still a valid chain. The checkpoints can: a head behind the last checkpoint is a
/// truncation. What was appended after the last checkpoint is what a truncation could still remove unseen, so the
/// web host writes checkpoints on a cadence (<see cref="AuditOptions"/>) and every verification writes one.
/// </remarks>
public sealed class AuditAnchoring(CheckpointFile checkpoints, TimeProvider time)
{
    /// <summary>The outcome of a check: entries read, whether all is intact, and the first break (sequence, kind, words).</summary>
    public sealed record Verification(long Entries, bool Intact, long? FirstBrokenSequence, string? Kind, string? Problem, long? AnchoredThrough, int Checkpoints);

    public string CheckpointPath => checkpoints.Path;

    /// <summary>Whether the checkpoint file holds anything at all (a trusted checkpoint of any chain, or a line that is not one).</summary>
    public bool AnchorsAnyChain() => checkpoints.Read() is var reading && (!reading.Trusted || reading.Checkpoints.Count > 0);

    /// <summary>Walks the whole chain and checks it against every checkpoint; when intact, anchors the head.</summary>
    public Task<Verification> VerifyAsync(AutoFinanceDbContext db, CancellationToken ct) => CheckAsync(db, whole: true, ct);

    /// <summary>Checks the entries since the last checkpoint (the whole chain if there is none) and anchors the head.</summary>
    public Task<Verification> CheckpointAsync(AutoFinanceDbContext db, CancellationToken ct) => CheckAsync(db, whole: false, ct);

    private async Task<Verification> CheckAsync(AutoFinanceDbContext db, bool whole, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var reading = checkpoints.Read();
        if (!reading.Trusted)
        {
            return Broken(0, new AuditBreak(null, AuditBreak.CheckpointForged, reading.Problem!), reading.Checkpoints.Count);
        }

        var first = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == 1).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (first is null)
        {
            var any = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Select(e => (long?)e.Sequence).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            return any is { } lowest
                ? Broken(0, new AuditBreak(1, AuditBreak.Missing, $"entries 1 to {lowest - 1} are missing (deleted)"), reading.Checkpoints.Count)
                : reading.Checkpoints.Count > 0
                    ? Broken(0, new AuditBreak(1, AuditBreak.Truncated, $"the audit log is empty but {CheckpointPath} holds {reading.Checkpoints.Count} checkpoints"), reading.Checkpoints.Count)
                    : new Verification(0, true, null, null, null, null, 0);
        }

        // The chain is named by its first entry's keyed hash, which only the key can produce.
        var chain = first.Hash;
        var anchors = new Dictionary<long, string>();
        foreach (var c in reading.Checkpoints.Where(c => c.ChainId == chain))
        {
            anchors[c.Sequence] = c.Hash;
        }

        var lastAnchored = anchors.Count > 0 ? anchors.Keys.Max() : (long?)null;
        var from = whole || lastAnchored is null ? 1 : lastAnchored.Value;
        if (from > 1 && !string.Equals(AuditLog.HashOf(first, AuditLog.KeyOf(db)), first.Hash, StringComparison.Ordinal))
        {
            return Broken(1, new AuditBreak(1, AuditBreak.Altered, "entry 1 was altered: its content no longer matches its keyed hash"), anchors.Count);
        }

        var walk = await AuditLog.WalkAsync(db, from, anchors, ct).ConfigureAwait(false);
        if (walk.Break is { } broken)
        {
            return Broken(walk.Entries, broken, anchors.Count);
        }

        if (lastAnchored is { } anchored && anchored > walk.HeadSequence)
        {
            return Broken(walk.Entries, new AuditBreak(walk.HeadSequence + 1, AuditBreak.Truncated,
                $"the log ends at entry {walk.HeadSequence} but a checkpoint records entry {anchored}: entries {walk.HeadSequence + 1} to {anchored} or more were deleted"), anchors.Count);
        }

        if (lastAnchored is null || walk.HeadSequence > lastAnchored)
        {
            checkpoints.Append(new AuditCheckpoint(chain, walk.HeadSequence, walk.HeadHash, time.GetUtcNow()));
            anchors[walk.HeadSequence] = walk.HeadHash;
        }

        return new Verification(walk.Entries, true, null, null, null, walk.HeadSequence, anchors.Count);
    }

    private static Verification Broken(long entries, AuditBreak broken, int anchors) =>
        new(entries, false, broken.Sequence, broken.Kind, broken.Problem, null, anchors);
}
