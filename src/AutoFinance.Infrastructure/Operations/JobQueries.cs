using AutoFinance.Application.Common;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Operations;

/// <summary>Every scheduled job with its schedule, its next occurrence and its last run, read from the run history.</summary>
public sealed class JobQueries(AutoFinanceDbContext db, JobCatalog catalog, TimeProvider time)
{
    public sealed record RunView(Guid RunId, string Job, DateTimeOffset Occurrence, string Trigger, string Node, string? RequestedBy, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, JobOutcome Outcome, string? Detail)
    {
        /// <summary>The detail's facts by name (language-neutral), when the run kept them.</summary>
        public IReadOnlyDictionary<string, string>? DetailFacts { get; init; }
    }

    /// <summary>
    /// A job as operators see it; <c>MakesUpMissedSlot</c> says whether a slot missed while no host was up is run once
    /// at start-up, <c>WhenMissed</c> how (always, or only on the slot's own business day).
    /// </summary>
    public sealed record JobView(string Name, string Schedule, DateTimeOffset NextRun, RunView? LastRun, DateTimeOffset? LastSucceededAt, bool MakesUpMissedSlot)
    {
        public MissedSlot WhenMissed { get; init; }
    }

    public async Task<IReadOnlyList<JobView>> ListAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var views = new List<JobView>(catalog.Jobs.Count);
        foreach (var job in catalog.Jobs)
        {
            var last = await db.JobRuns.AsNoTracking().Where(r => r.Job == job.Name).OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            var succeeded = await db.JobRuns.AsNoTracking().Where(r => r.Job == job.Name && r.Outcome == JobOutcome.Succeeded).OrderByDescending(r => r.StartedAt)
                .Select(r => (DateTimeOffset?)r.StartedAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            views.Add(new JobView(job.Name, job.Schedule.Text, job.Schedule.Next(now), last is null ? null : View(last), succeeded, job.WhenMissed != MissedSlot.Skip) { WhenMissed = job.WhenMissed });
        }

        return views;
    }

    /// <summary>The latest runs of one job (or of every job), newest first.</summary>
    public async Task<IReadOnlyList<RunView>> RecentAsync(string? job, int count, CancellationToken ct) =>
        (await db.JobRuns.AsNoTracking().Where(r => job == null || r.Job == job).OrderByDescending(r => r.StartedAt).Take(Math.Clamp(count, 1, 100)).ToListAsync(ct).ConfigureAwait(false))
            .Select(View).ToList();

    /// <summary>Every run of one job (or of every job) started in a window (either end open), newest first: the run history, never cut short.</summary>
    public async Task<IReadOnlyList<RunView>> RunsAsync(string? job, DateTimeOffset? since, DateTimeOffset? until, CancellationToken ct) =>
        (await db.JobRuns.AsNoTracking().Where(r => (job == null || r.Job == job) && (since == null || r.StartedAt >= since) && (until == null || r.StartedAt < until))
            .OrderByDescending(r => r.StartedAt).ToListAsync(ct).ConfigureAwait(false))
            .Select(View).ToList();

    /// <summary>
    /// The runs started on the dates asked (days in Asia/Shanghai, both ends included), of one job or all; the
    /// calendar's first or last day asks for no bound at that end.
    /// </summary>
    public Task<IReadOnlyList<RunView>> RunsOnDatesAsync(string? job, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        RunsAsync(job, StartOf(from), to is { } last && last < DateOnly.MaxValue ? StartOf(last.AddDays(1)) : null, ct);

    private static DateTimeOffset? StartOf(DateOnly? day) =>
        day is { } d && d > DateOnly.MinValue ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)) : null;

    public static RunView View(JobRunRow r) => new(r.Id, r.Job, r.Occurrence, r.Trigger, r.Node, r.RequestedBy, r.StartedAt, r.FinishedAt, r.Outcome, r.Detail)
    {
        DetailFacts = r.DetailFacts is { } facts ? Json.Deserialize<Dictionary<string, string>>(facts) : null,
    };
}
