using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Privacy;

/// <summary>
/// Who looked at a customer's personal data, from the audit log: the 360 read, an export, a credit report read, a
/// collector revealing the whole mobile number. For a manager or an admin answering "who saw my file", or checking
/// that staff read only what their work needs.
/// </summary>
/// <remarks>
/// The log is read newest first for the customer's own record and those of their applications and loans. It has no
/// index by record, so a customer whose last look is far back walks more of it; at the sizes an admin asks about one
/// customer at a time, this is a scan of the log's tail, not a report over it.
/// </remarks>
public sealed class CustomerAccessLog(AutoFinanceDbContext db)
{
    /// <summary>The audit actions that are a look at personal data.</summary>
    public static readonly IReadOnlyList<string> Reads = ["customer.profile.read", "customer.exported", "credit-report.read", "collections.mobile-revealed"];

    public const int MaxEntries = 200;

    public sealed record Access(long Sequence, DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId);

    /// <summary>The latest looks at the customer's data, at most <paramref name="limit"/>; null when the customer is not on file or the reader may not ask.</summary>
    public async Task<IReadOnlyList<Access>?> LatestAsync(Actor actor, Guid customerId, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role is not (Roles.Manager or Roles.Admin) || !await db.Customers.AsNoTracking().AnyAsync(c => c.Id == customerId, ct).ConfigureAwait(false))
        {
            return null;
        }

        var applications = await db.Applications.AsNoTracking().Where(a => a.CustomerId == customerId).Select(a => a.Id).ToListAsync(ct).ConfigureAwait(false);
        var loans = await db.Loans.AsNoTracking().Where(l => l.CustomerId == customerId).Select(l => l.Id).ToListAsync(ct).ConfigureAwait(false);
        List<string> records = [customerId.ToString(), .. applications.Select(a => a.ToString()), .. loans.Select(l => l.ToString())];
        var reads = Reads.ToList();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => reads.Contains(a.Action) && records.Contains(a.EntityId))
            .OrderByDescending(a => a.Sequence)
            .Take(Math.Clamp(limit, 1, MaxEntries))
            .Select(a => new Access(a.Sequence, a.At, a.Actor, a.Action, a.EntityType, a.EntityId))
            .ToListAsync(ct).ConfigureAwait(false);
    }
}
