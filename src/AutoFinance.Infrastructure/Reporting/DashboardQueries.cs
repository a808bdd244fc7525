using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Reporting;

/// <summary>
/// The operations dashboard, computed from the stored applications, status history, referrals, contracts and loans
/// (read only): the application funnel, approval rates by risk grade and by channel, the share decided without an
/// underwriter, the referral backlog against its SLA, and the loan book by delinquency bucket.
/// </summary>
/// <remarks>
/// An application counts as approved when it was ever approved (by the engine or by an underwriter), so an accepted
/// or disbursed one still counts; decided means approved or declined (an open referral is not decided yet). Narrow
/// projections are read and counted here, and amounts are summed here from exact decimals (the SQLite converter
/// stores scaled integers, which the database must not add up). A book far larger than a dashboard page wants would
/// move these into grouped SQL or a nightly snapshot.
/// </remarks>
public sealed class DashboardQueries(AutoFinanceDbContext db, TimeProvider time)
{
    public sealed record FunnelStep(string Stage, int Count);

    public sealed record RateRow(string Group, int Applications, int Approved, int Declined, int Referred)
    {
        /// <summary>Approved over decided (approved + declined), in percent; null when none is decided.</summary>
        public decimal? ApprovalRatePercent => Approved + Declined == 0 ? null : Math.Round(100m * Approved / (Approved + Declined), 1);
    }

    public sealed record BucketRow(string Bucket, int Loans, decimal OutstandingPrincipal);

    public sealed record Dashboard(
        IReadOnlyList<FunnelStep> Funnel,
        IReadOnlyList<RateRow> ByGrade,
        IReadOnlyList<RateRow> ByChannel,
        int Applications,
        int DecidedAutomatically,
        int OpenReferrals,
        int BreachedReferrals,
        double? MedianDecisionMillis,
        IReadOnlyList<BucketRow> Delinquency,
        DateTimeOffset At)
    {
        public decimal? AutoDecisionRatePercent => Applications == 0 ? null : Math.Round(100m * DecidedAutomatically / Applications, 1);
    }

    /// <summary>The bucket names in their order (as end-of-day sets them).</summary>
    public static readonly string[] BucketOrder = [.. Domain.Servicing.DelinquencyBuckets.Default.All.Select(b => b.Name)];

    public async Task<Dashboard> GetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var applications = await db.Applications.AsNoTracking()
            .Select(a => new { a.Id, a.Grade, a.Channel, a.Status, a.DecisionMillis })
            .ToListAsync(ct).ConfigureAwait(false);
        var everApproved = (await db.StatusChanges.AsNoTracking().Where(s => s.Status == "approved").Select(s => s.ApplicationId).Distinct()
            .ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
        var referred = (await db.Referrals.AsNoTracking().Select(r => r.ApplicationId).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
        var openReferrals = await db.Referrals.AsNoTracking().Where(r => r.ResolvedAt == null).Select(r => r.DueAt).ToListAsync(ct).ConfigureAwait(false);
        var contracts = await db.Contracts.AsNoTracking().CountAsync(ct).ConfigureAwait(false);
        var loans = await db.Loans.AsNoTracking().Select(l => new { l.Id, l.Status, l.Bucket, l.Principal }).ToListAsync(ct).ConfigureAwait(false);
        var repaid = (await db.Installments.AsNoTracking().Select(i => new { i.LoanId, i.PaidPrincipal }).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(i => i.LoanId).ToDictionary(g => g.Key, g => g.Sum(i => i.PaidPrincipal));

        var rows = applications.Select(a => new
        {
            a.Grade,
            a.Channel,
            Approved = everApproved.Contains(a.Id),
            Declined = a.Status == "declined",
            OpenReferral = a.Status == "referred",
            Auto = !referred.Contains(a.Id),
        }).ToList();


        var byGrade = rows.GroupBy(r => r.Grade ?? "-").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RateRow(g.Key, g.Count(), g.Count(r => r.Approved), g.Count(r => r.Declined), g.Count(r => r.OpenReferral))).ToList();
        var byChannel = rows.GroupBy(r => r.Channel).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RateRow(g.Key, g.Count(), g.Count(r => r.Approved), g.Count(r => r.Declined), g.Count(r => r.OpenReferral))).ToList();

        var funnel = new List<FunnelStep>
        {
            new("submitted", applications.Count),
            new("approved", rows.Count(r => r.Approved)),
            new("accepted", contracts),
            new("funded", loans.Count),
        };

        var active = loans.Where(l => l.Status == "active").ToList();
        var delinquency = BucketOrder
            .Select(b => new BucketRow(b, active.Count(l => l.Bucket == b), active.Where(l => l.Bucket == b).Sum(l => l.Principal - repaid.GetValueOrDefault(l.Id))))
            .ToList();

        var millis = applications.Select(a => a.DecisionMillis).Order().ToList();
        return new Dashboard(
            funnel,
            byGrade,
            byChannel,
            applications.Count,
            rows.Count(r => r.Auto),
            openReferrals.Count,
            openReferrals.Count(d => d < now),
            millis.Count == 0 ? null : millis[millis.Count / 2],
            delinquency,
            now);
    }
}
