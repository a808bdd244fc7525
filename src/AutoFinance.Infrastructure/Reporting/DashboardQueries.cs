using System.Globalization;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Domain.Origination.Lifecycle;

namespace AutoFinance.Infrastructure.Reporting;

/// <summary>
/// The operations dashboard, computed from the stored applications, status history, referrals, contracts and loans
/// (read only): the application funnel, approval rates by risk grade and by channel, the share decided without an
/// underwriter, time to decision (median and 95th percentile), the referral backlog against its SLA, and the loan
/// book by delinquency bucket, by vintage (booking month) and on the watch list.
/// </summary>
/// <remarks>
/// An application counts as approved when it was ever approved (by the engine or by an underwriter), so an accepted
/// or disbursed one still counts; decided means approved or declined (an open referral is not decided yet). Its time
/// to decision is the engine's time when the engine decided alone, and submission to the underwriter's resolution
/// when it was referred (an open referral has none yet); percentiles are nearest-rank. Loan counts by bucket and by
/// vintage, and the referral counts, are grouped and counted in SQL; amounts are summed here from exact decimals
/// (the SQLite converter stores scaled integers, which the database must not add up).
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

    /// <summary>Time from submission to the decision: every decided application, and the engine's own time.</summary>
    public sealed record DecisionTimes(int Decided, TimeSpan? Median, TimeSpan? P95, double? EngineMedianMillis, double? EngineP95Millis, int Referred, TimeSpan? ReferredMedian, TimeSpan? ReferredP95);

    /// <summary>The referral queue against its SLA: open, breached, due within the hour, the oldest waiting, and how the resolved ones did.</summary>
    public sealed record ReferralSla(int Open, int Breached, int DueWithinHour, TimeSpan? OldestWaiting, int Resolved, int ResolvedWithinSla)
    {
        public decimal? WithinSlaPercent => Resolved == 0 ? null : Math.Round(100m * ResolvedWithinSla / Resolved, 1);
    }

    /// <summary>
    /// Loans booked in one month and how they stand now: still active, delinquent (1+ days past due), 31+ days past due,
    /// charged off, closed.
    /// </summary>
    public sealed record VintageRow(string Month, int Loans, int Active, int Delinquent, int Over30, int ChargedOff, int Closed)
    {
        /// <summary>Delinquent (now, or written off) over booked, in percent.</summary>
        public decimal? DelinquentPercent => Loans == 0 ? null : Math.Round(100m * (Delinquent + ChargedOff) / Loans, 1);
    }

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

        public DecisionTimes? Times { get; init; }

        public ReferralSla? Referrals { get; init; }

        public IReadOnlyList<VintageRow> Vintages { get; init; } = [];

        public int WatchList { get; init; }

        public int DelinquentLoans => Delinquency.Where(b => b.Bucket != "Current").Sum(b => b.Loans);
    }

    /// <summary>The bucket names in their order (as end-of-day sets them).</summary>
    public static readonly string[] BucketOrder = [.. Domain.Servicing.DelinquencyBuckets.Default.All.Select(b => b.Name)];

    public async Task<Dashboard> GetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var applications = await db.Applications.AsNoTracking()
            .Select(a => new { a.Id, a.Grade, a.Channel, a.Status, a.DecisionMillis, a.SubmittedAt })
            .ToListAsync(ct).ConfigureAwait(false);
        var everApproved = (await db.StatusChanges.AsNoTracking().Where(s => s.Status == ApplicationStatus.Approved).Select(s => s.ApplicationId).Distinct()
            .ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
        var referrals = await db.Referrals.AsNoTracking().Select(r => new { r.ApplicationId, r.ResolvedAt }).ToListAsync(ct).ConfigureAwait(false);
        var referred = referrals.Select(r => r.ApplicationId).ToHashSet();
        var contracts = await db.Contracts.AsNoTracking().CountAsync(ct).ConfigureAwait(false);
        var funded = await db.Loans.AsNoTracking().CountAsync(ct).ConfigureAwait(false);

        var rows = applications.Select(a => new
        {
            a.Grade,
            a.Channel,
            Approved = everApproved.Contains(a.Id),
            Declined = a.Status == ApplicationStatus.Declined,
            OpenReferral = a.Status == ApplicationStatus.Referred,
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
            new("funded", funded),
        };

        // Time to decision: the engine's own time when it decided alone, submission to resolution when referred.
        var resolvedAt = referrals.Where(r => r.ResolvedAt is not null).ToDictionary(r => r.ApplicationId, r => r.ResolvedAt!.Value);
        var engine = applications.Select(a => a.DecisionMillis).Order().ToList();
        var auto = applications.Where(a => !referred.Contains(a.Id)).Select(a => TimeSpan.FromMilliseconds(a.DecisionMillis));
        var byUnderwriter = applications.Where(a => resolvedAt.ContainsKey(a.Id)).Select(a => resolvedAt[a.Id] - a.SubmittedAt).Order().ToList();
        var all = auto.Concat(byUnderwriter).Order().ToList();
        var times = new DecisionTimes(
            all.Count, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(engine, 0.50), Percentile(engine, 0.95),
            byUnderwriter.Count, Percentile(byUnderwriter, 0.50), Percentile(byUnderwriter, 0.95));

        var sla = await ReferralSlaAsync(now, ct).ConfigureAwait(false);
        var delinquency = await DelinquencyAsync(ct).ConfigureAwait(false);
        var vintages = await VintagesAsync(ct).ConfigureAwait(false);
        var watch = await db.Loans.AsNoTracking().CountAsync(l => l.Status == LoanStatus.Active && l.OnWatchList, ct).ConfigureAwait(false);
        return new Dashboard(
            funnel,
            byGrade,
            byChannel,
            applications.Count,
            rows.Count(r => r.Auto),
            sla.Open,
            sla.Breached,
            times.EngineMedianMillis,
            delinquency,
            now)
        {
            Times = times,
            Referrals = sla,
            Vintages = vintages,
            WatchList = watch,
        };
    }

    private async Task<ReferralSla> ReferralSlaAsync(DateTimeOffset now, CancellationToken ct)
    {
        var open = db.Referrals.AsNoTracking().Where(r => r.ResolvedAt == null);
        var resolved = db.Referrals.AsNoTracking().Where(r => r.ResolvedAt != null);
        var inAnHour = now.AddHours(1);
        var openCount = await open.CountAsync(ct).ConfigureAwait(false);
        var breached = await open.CountAsync(r => r.DueAt < now, ct).ConfigureAwait(false);
        var dueSoon = await open.CountAsync(r => r.DueAt >= now && r.DueAt < inAnHour, ct).ConfigureAwait(false);
        var oldest = await open.OrderBy(r => r.CreatedAt).Select(r => (DateTimeOffset?)r.CreatedAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var resolvedCount = await resolved.CountAsync(ct).ConfigureAwait(false);
        var withinSla = await resolved.CountAsync(r => r.ResolvedAt <= r.DueAt, ct).ConfigureAwait(false);
        return new ReferralSla(openCount, breached, dueSoon, oldest is { } o ? now - o : null, resolvedCount, withinSla);
    }

    /// <summary>Active loans by bucket (counted in SQL) with their principal still outstanding (summed here).</summary>
    private async Task<IReadOnlyList<BucketRow>> DelinquencyAsync(CancellationToken ct)
    {
        var counts = await db.Loans.AsNoTracking().Where(l => l.Status == LoanStatus.Active).GroupBy(l => l.Bucket)
            .Select(g => new { Bucket = g.Key, Loans = g.Count() }).ToDictionaryAsync(g => g.Bucket, g => g.Loans, ct).ConfigureAwait(false);
        var principal = await db.Loans.AsNoTracking().Where(l => l.Status == LoanStatus.Active).Select(l => new { l.Bucket, l.Principal }).ToListAsync(ct).ConfigureAwait(false);
        var repaid = await db.Installments.AsNoTracking().Where(i => i.PaidPrincipal != 0m)
            .Join(db.Loans.AsNoTracking().Where(l => l.Status == LoanStatus.Active), i => i.LoanId, l => l.Id, (i, l) => new { l.Bucket, i.PaidPrincipal })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. BucketOrder.Select(b => new BucketRow(
            b,
            counts.GetValueOrDefault(b),
            principal.Where(l => l.Bucket == b).Sum(l => l.Principal) - repaid.Where(r => r.Bucket == b).Sum(r => r.PaidPrincipal)))];
    }

    /// <summary>Loans by booking month (the month of their start date), oldest first, grouped and counted in SQL.</summary>
    private async Task<IReadOnlyList<VintageRow>> VintagesAsync(CancellationToken ct)
    {
        var groups = await db.Loans.AsNoTracking()
            .GroupBy(l => new { l.StartDate.Year, l.StartDate.Month })
            .Select(g => new
            {
                g.Key.Year,
                g.Key.Month,
                Loans = g.Count(),
                Active = g.Count(l => l.Status == LoanStatus.Active),
                Delinquent = g.Count(l => l.Status == LoanStatus.Active && l.DaysPastDue > 0),
                Over30 = g.Count(l => l.Status == LoanStatus.Active && l.DaysPastDue > 30),
                ChargedOff = g.Count(l => l.Status == LoanStatus.ChargedOff),
                Closed = g.Count(l => l.Status == LoanStatus.Closed),
            })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. groups.OrderBy(g => g.Year).ThenBy(g => g.Month)
            .Select(g => new VintageRow(string.Create(CultureInfo.InvariantCulture, $"{g.Year:0000}-{g.Month:00}"), g.Loans, g.Active, g.Delinquent, g.Over30, g.ChargedOff, g.Closed))];
    }

    /// <summary>The nearest-rank percentile of sorted values; null when there are none.</summary>
    private static T? Percentile<T>(IReadOnlyList<T> sorted, double p)
        where T : struct =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
