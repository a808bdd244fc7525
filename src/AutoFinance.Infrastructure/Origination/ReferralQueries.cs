using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>The underwriters' queue: open referrals, the most urgent first, with their SLA timers.</summary>
public sealed class ReferralQueries(AutoFinanceDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<ReferralView>> OpenAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var open = await db.Referrals.AsNoTracking().Where(r => r.ResolvedAt == null).OrderBy(r => r.DueAt).Take(500).ToListAsync(ct).ConfigureAwait(false);
        var ids = open.Select(r => r.ApplicationId).ToList();
        var applications = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct).ConfigureAwait(false);
        return [.. open.Select(r => View(r, applications[r.ApplicationId], now))];
    }

    public static ReferralView View(ReferralRow r, ApplicationRow application, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(application);
        var end = r.ResolvedAt ?? now;
        return new ReferralView(r.Id, r.ApplicationId, application.Reference, r.CreatedAt, r.DueAt, end > r.DueAt, r.DueAt - end, r.ClaimedBy, r.ClaimedAt, r.ResolvedAt, r.Resolution, r.ResolutionReason, application.Grade, application.Score);
    }
}
