using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>
/// Application drafts kept on the server for the signed-in customer, so a form survives a language switch, the
/// browser's Back and a later visit: saved as it is filled, shown again when the form opens, forgotten once the
/// application is submitted or the customer starts over. Values are the form's own strings (nothing is checked
/// until the form is submitted); a draft holds at most <see cref="MaxValues"/> values of at most
/// <see cref="MaxLength"/> characters.
/// </summary>
public sealed class ApplicationDrafts(AutoFinanceDbContext db, IPersonalDataProtector protector, TimeProvider time)
{
    public const int MaxValues = 60;

    public const int MaxLength = 200;

    public sealed record Draft(int Step, IReadOnlyDictionary<string, string> Values, DateTimeOffset UpdatedAt);

    /// <summary>Only customers keep drafts: a dealer's desk fills forms for many buyers.</summary>
    public static bool Keeps(Actor actor) => actor is { Role: Roles.Customer, UserId: not null };

    public async Task<Draft?> GetAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Keeps(actor))
        {
            return null;
        }

        var row = await db.ApplicationDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.UserId == actor.UserId, ct).ConfigureAwait(false);
        return row is null ? null : new Draft(row.Step, Json.Deserialize<Dictionary<string, string>>(protector.Unprotect(row.ValuesCipher)) ?? [], row.UpdatedAt);
    }

    /// <summary>Saves the form as it stands; empty values are left out, over-long ones cut, and false when the actor keeps no drafts.</summary>
    public async Task<bool> SaveAsync(Actor actor, int step, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(values);
        if (!Keeps(actor))
        {
            return false;
        }

        var kept = values.Where(v => !string.IsNullOrWhiteSpace(v.Value) && v.Key.Length <= 64).Take(MaxValues)
            .ToDictionary(v => v.Key, v => v.Value!.Length > MaxLength ? v.Value[..MaxLength] : v.Value!, StringComparer.Ordinal);
        var cipher = protector.Protect(Json.Serialize(kept));
        var now = time.GetUtcNow();
        var row = await db.ApplicationDrafts.FirstOrDefaultAsync(d => d.UserId == actor.UserId, ct).ConfigureAwait(false);
        if (row is null)
        {
            db.ApplicationDrafts.Add(new ApplicationDraftRow { UserId = actor.UserId!.Value, Step = step, ValuesCipher = cipher, UpdatedAt = now });
        }
        else
        {
            row.Step = step;
            row.ValuesCipher = cipher;
            row.UpdatedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Two saves of the same form at once: the other one holds the same values.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return true;
    }

    public async Task DiscardAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Keeps(actor))
        {
            await db.ApplicationDrafts.Where(d => d.UserId == actor.UserId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        }
    }
}
