using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>The underwriters' queue: open referrals, the most urgent first, with their SLA timers.</summary>
public sealed class ReferralQueries(AutoFinanceDbContext db, TimeProvider time)
{
    /// <summary>A page of the open referrals, the most urgent first, with how many are open in all.</summary>
    public async Task<Search.ListPage<ReferralView>> OpenAsync(int page, int size, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = db.Referrals.AsNoTracking().Where(r => r.ResolvedAt == null);
        var total = await rows.CountAsync(ct).ConfigureAwait(false);
        var open = await rows.OrderBy(r => r.DueAt).ThenBy(r => r.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct).ConfigureAwait(false);
        var ids = open.Select(r => r.ApplicationId).ToList();
        var applications = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct).ConfigureAwait(false);
        return new([.. open.Select(r => View(r, applications[r.ApplicationId], now))], page, size, total);
    }

    /// <summary>How many open referrals are past their SLA deadline now.</summary>
    public async Task<int> BreachedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return (await db.Referrals.AsNoTracking().Where(r => r.ResolvedAt == null).Select(r => r.DueAt).ToListAsync(ct).ConfigureAwait(false)).Count(due => due < now);
    }

    public static ReferralView View(ReferralRow r, ApplicationRow application, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(application);
        var end = r.ResolvedAt ?? now;
        return new ReferralView(r.Id, r.ApplicationId, application.Reference, r.CreatedAt, r.DueAt, end > r.DueAt, r.DueAt - end, r.ClaimedBy, r.ClaimedAt, r.ResolvedAt, r.Resolution, r.ResolutionReason, application.Grade, application.Score);
    }
}
