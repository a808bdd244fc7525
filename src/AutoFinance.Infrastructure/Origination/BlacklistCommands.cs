using AutoFinance.Domain.Validation;
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

    /// <summary>The value as it will be matched and shown (normalised and masked), or what is wrong with the request.</summary>
    public static CommandResult<(string Normalised, string Masked)> Check(string? kind, string? value, string? reason)
    {
        // Every problem at once: the kind, the value as that kind (when the kind is known), the reason.
        var errors = new List<FieldError>();
        var known = kind is not null && Kinds.Contains(kind);
        if (!known)
        {
            errors.Add(new("kind", $"must be one of {string.Join(", ", Kinds)}", "field.one-of"));
        }

        var normalised = !known ? null : kind switch
        {
            "national-id" => ResidentId.IsValid(value?.Trim().ToUpperInvariant()) ? value!.Trim().ToUpperInvariant() : null,
            "mobile" => MobileNumber.Normalize(value),
            _ => Vin.IsValid(value?.Trim().ToUpperInvariant()) ? value!.Trim().ToUpperInvariant() : null,
        };
        if (known && normalised is null)
        {
            errors.Add(new("value", $"is not a valid {kind}", "blacklist.value"));
        }

        // As the approval it waits in asks of a reason.
        if (reason?.Trim() is not { Length: >= 3 and <= 300 })
        {
            errors.Add(new("reason", "is required (3 to 300 characters)", "field.length", FieldProblems.Figures(("min", "3"), ("max", "300"))));
        }

        if (errors.Count > 0 || normalised is null)
        {
            return CommandResult<(string, string)>.Invalid(errors);
        }

        var masked = kind switch { "national-id" => ResidentId.Mask(normalised), "mobile" => MobileNumber.Mask(normalised), _ => normalised[..8] + "*****" + normalised[^4..] };
        return CommandResult<(string, string)>.Ok((normalised, masked));
    }

    /// <summary>The code of a value the blacklist holds already.</summary>
    public const string DuplicateCode = "blacklist.duplicate";

    /// <summary>Whether the value (as <see cref="Check"/> normalised it) is on the blacklist now: one entry a value, so one removal clears it.</summary>
    public Task<bool> ListedAsync(string kind, string normalised, CancellationToken ct)
    {
        var hash = hasher.Hash(kind, normalised);
        return db.Blacklist.AsNoTracking().AnyAsync(b => b.Kind == kind && b.ValueHash == hash && b.RemovedAt == null, ct);
    }

    public async Task<CommandResult<Entry>> AddAsync(Actor actor, string? kind, string? value, string? reason, CancellationToken ct)
    {
        var check = Check(kind, value, reason);
        if (check.Failure != CommandFailure.None)
        {
            return new CommandResult<Entry>(null, check.Failure, check.Problem, check.Field) { Errors = check.Errors };
        }

        var (normalised, masked) = check.Value;
        if (await ListedAsync(kind!, normalised, ct).ConfigureAwait(false))
        {
            return CommandResult<Entry>.Conflict($"the {kind} {masked} is on the blacklist already", DuplicateCode);
        }

        var hash = hasher.Hash(kind!, normalised);
        var now = time.GetUtcNow();
        var row = new BlacklistRow
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind!,
            ValueHash = hash,
            ValueMasked = masked,
            Reason = reason!.Trim(),
            AddedBy = actor.AuditName,
            AddedAt = now,
        };
        db.Blacklist.Add(row);
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "blacklist.added", "blacklist", row.Id.ToString(), new { row.Kind, row.ValueMasked, row.Reason })], now, ct).ConfigureAwait(false);
        return CommandResult<Entry>.Ok(new Entry(row.Id, row.Kind, row.ValueMasked, row.Reason, row.AddedBy, row.AddedAt));
    }

    public async Task<Entry?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Blacklist.AsNoTracking().Where(b => b.Id == id && b.RemovedAt == null)
            .Select(b => new Entry(b.Id, b.Kind, b.ValueMasked, b.Reason, b.AddedBy, b.AddedAt)).FirstOrDefaultAsync(ct).ConfigureAwait(false);

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
