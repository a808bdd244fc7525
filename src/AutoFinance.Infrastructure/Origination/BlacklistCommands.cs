using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>The blacklist admins manage: national IDs, mobiles and VINs, stored as keyed hashes with a masked form.</summary>
public sealed class BlacklistCommands(AutoFinanceDbContext db, ILookupHasher hasher, TimeProvider time)
{
    public static readonly string[] Kinds = ["national-id", "mobile", "vin"];

    public sealed record Entry(Guid Id, string Kind, string Value, string Reason, string AddedBy, DateTimeOffset AddedAt);

    public async Task<IReadOnlyList<Entry>> ListAsync(CancellationToken ct) =>
        await db.Blacklist.AsNoTracking().Where(b => b.RemovedAt == null).OrderByDescending(b => b.AddedAt)
            .Select(b => new Entry(b.Id, b.Kind, b.ValueMasked, b.Reason, b.AddedBy, b.AddedAt)).ToListAsync(ct).ConfigureAwait(false);

    public async Task<CommandResult<Entry>> AddAsync(Actor actor, string? kind, string? value, string? reason, CancellationToken ct)
    {
        if (kind is null || !Kinds.Contains(kind))
        {
            return CommandResult<Entry>.Invalid("kind", $"must be one of {string.Join(", ", Kinds)}");
        }

        var normalised = kind switch
        {
            "national-id" => ResidentId.IsValid(value?.Trim().ToUpperInvariant()) ? value!.Trim().ToUpperInvariant() : null,
            "mobile" => MobileNumber.Normalize(value),
            _ => Vin.IsValid(value?.Trim().ToUpperInvariant()) ? value!.Trim().ToUpperInvariant() : null,
        };
        if (normalised is null)
        {
            return CommandResult<Entry>.Invalid("value", $"is not a valid {kind}");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 300)
        {
            return CommandResult<Entry>.Invalid("reason", "is required (at most 300 characters)");
        }

        var hash = hasher.Hash(kind, normalised);
        var now = time.GetUtcNow();
        var row = new BlacklistRow
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            ValueHash = hash,
            ValueMasked = kind switch { "national-id" => ResidentId.Mask(normalised), "mobile" => MobileNumber.Mask(normalised), _ => normalised[..8] + "*****" + normalised[^4..] },
            Reason = reason.Trim(),
            AddedBy = actor.AuditName,
            AddedAt = now,
        };
        db.Blacklist.Add(row);
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "blacklist.added", "blacklist", row.Id.ToString(), new { row.Kind, row.ValueMasked, row.Reason })], now, ct).ConfigureAwait(false);
        return CommandResult<Entry>.Ok(new Entry(row.Id, row.Kind, row.ValueMasked, row.Reason, row.AddedBy, row.AddedAt));
    }

    public async Task<bool> RemoveAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var row = await db.Blacklist.FirstOrDefaultAsync(b => b.Id == id && b.RemovedAt == null, ct).ConfigureAwait(false);
        if (row is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        row.RemovedAt = now;
        row.RemovedBy = actor.AuditName;
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "blacklist.removed", "blacklist", row.Id.ToString(), new { row.Kind, row.ValueMasked })], now, ct).ConfigureAwait(false);
        return true;
    }
}
