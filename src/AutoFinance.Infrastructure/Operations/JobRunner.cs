using AutoFinance.Application.Common;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoFinance.Infrastructure.Operations;

/// <summary>
/// Runs a job once for an occurrence, whatever the number of hosts: the run is claimed by inserting its row, keyed by
/// job and occurrence, and a host whose insert meets the unique key leaves the occurrence to the host that got there
/// first. The row is then completed with the outcome, so the history outlives restarts.
/// </summary>
public sealed partial class JobRunner(IServiceScopeFactory scopes, TimeProvider time, ILogger<JobRunner> logger, string? node = null)
{
    private long _claimsLost;

    public const string Scheduled = "schedule";

    /// <summary>
    /// What a job answers when a run found nothing to do. Of such scheduled runs only the latest is kept, so the jobs
    /// that check every few seconds (the outbox, service levels, payouts unanswered) show they are alive without
    /// burying the runs that did something.
    /// </summary>
    public const string NothingToDo = "nothing to do";

    /// <summary>The note of a run that found nothing to do (the page says it in its reader's language).</summary>
    public static RecordNote NothingDone { get; } = RecordNote.Of(NothingToDo);

    /// <summary>Why a run stopped without an error of its own: the host shut down while it ran.</summary>
    public static RecordNote Stopped { get; } = RecordNote.Of("stopped: the host shut down during the run", ("cause", "shutdown"));
    public const string Manual = "manual";

    /// <summary>A run started at start-up for a slot the job missed while no host was up.</summary>
    public const string MadeUp = "made-up";

    /// <summary>This host, as runs name it (Scheduler:Node, by default the machine and process).</summary>
    public string Node { get; } = node is { Length: > 0 } ? node : $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Occurrences this host reached after another host had claimed them.</summary>
    public long ClaimsLost => Interlocked.Read(ref _claimsLost);

    /// <summary>
    /// Runs a job now for a person. The work is done as of the job's latest scheduled occurrence (so an end-of-day
    /// asked for at 14:00 closes the day the 00:05 run closed), and the run is keyed by the moment it was asked for.
    /// </summary>
    public async Task<JobRunRow> RunNowAsync(ScheduledJob job, string requestedBy, CancellationToken ct) =>
        await RunAsync(job, time.GetUtcNow(), Manual, requestedBy, ct).ConfigureAwait(false) ?? throw new InvalidOperationException("a manual run is never claimed twice");

    /// <summary>
    /// Runs a job once for the latest slot it missed, when its latest recorded run (of any trigger and outcome)
    /// started before that slot: the host was down at the slot. A job with no run recorded has missed nothing (a new
    /// installation starts on its schedule). The run is keyed by the slot, so hosts starting together make it up once.
    /// A job that makes up only on the slot's own day (<see cref="MissedSlot.MakeUpSameDay"/>) leaves a slot whose
    /// cut-off has passed. Null when nothing was missed, the slot is left, or another host made it up.
    /// </summary>
    public async Task<JobRunRow?> MakeUpMissedSlotAsync(ScheduledJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        DateTimeOffset? lastStarted;
        await using (var scope = scopes.CreateAsyncScope())
        {
            lastStarted = await scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>().JobRuns.AsNoTracking().Where(r => r.Job == job.Name)
                .OrderByDescending(r => r.StartedAt).Select(r => (DateTimeOffset?)r.StartedAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        if (lastStarted is not { } last || job.Schedule.MissedSince(last, now) is not { } slot)
        {
            return null;
        }

        if (!job.MakesUp(slot, now))
        {
            LeavingMissed(job.Name, slot);
            return null;
        }

        MakingUp(job.Name, slot, last);
        return await RunAsync(job, slot, MadeUp, null, ct).ConfigureAwait(false);
    }

    /// <summary>The finished run, or null when another host had already claimed the occurrence.</summary>
    public async Task<JobRunRow?> RunAsync(ScheduledJob job, DateTimeOffset occurrence, string trigger, string? requestedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var run = new JobRunRow
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Job = job.Name,
            Occurrence = occurrence.ToUniversalTime(),
            Trigger = trigger,
            Node = Node,
            RequestedBy = requestedBy,
            StartedAt = time.GetUtcNow(),
        };
        db.JobRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e, "job_runs"))
        {
            Interlocked.Increment(ref _claimsLost);
            ClaimedElsewhere(job.Name, occurrence);
            return null;
        }

        Started(job.Name, occurrence, trigger, Node);
        try
        {
            await using var work = scopes.CreateAsyncScope();
            var asOf = trigger == Manual ? job.Schedule.Latest(occurrence, occurrence.AddDays(-7)) ?? occurrence : occurrence;
            run.Record(await job.Work(new JobContext(work.ServiceProvider, asOf, trigger, ct)).ConfigureAwait(false));
            run.Outcome = JobOutcome.Succeeded;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            run.Outcome = JobOutcome.Failed;
            run.Record(Stopped);
        }
#pragma warning disable CA1031 // A failed job is recorded and logged; the schedule and the host carry on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            run.Outcome = JobOutcome.Failed;
            // An error's own message is in English only, so it keeps no facts: every page shows it as it is.
            run.Detail = Shorten($"{e.GetType().Name}: {e.Message}");
            Failed(e, job.Name, occurrence);
        }

        run.FinishedAt = time.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        if (run is { Outcome: JobOutcome.Succeeded, Trigger: Scheduled, Detail: NothingToDo })
        {
            await db.JobRuns.Where(r => r.Job == run.Job && r.Id != run.Id && r.Trigger == Scheduled && r.Detail == NothingToDo && r.StartedAt <= run.StartedAt)
                .ExecuteDeleteAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return run;
    }

    /// <summary>Drops runs older than the cut-off, keeping each job's latest so the page always shows one.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var latest = await db.JobRuns.AsNoTracking().GroupBy(r => r.Job).Select(g => new { Job = g.Key, At = g.Max(r => r.StartedAt) }).ToListAsync(ct).ConfigureAwait(false);
        var removed = 0;
        foreach (var job in latest)
        {
            var cutoff = job.At < before ? job.At : before;
            removed += await db.JobRuns.Where(r => r.Job == job.Job && r.StartedAt < cutoff).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        }

        return removed;
    }

    private static string Shorten(string text) => text.Length <= 1000 ? text : text[..997] + "...";

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} started for {Occurrence} ({Trigger}) on {Node}")]
    private partial void Started(string job, DateTimeOffset occurrence, string trigger, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} missed its slot {Occurrence} (last run started {LastStarted}); making it up")]
    private partial void MakingUp(string job, DateTimeOffset occurrence, DateTimeOffset lastStarted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} missed its slot {Occurrence}, too long ago to make it up; waiting for the next occurrence")]
    private partial void LeavingMissed(string job, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {Job} for {Occurrence} was claimed by another host")]
    private partial void ClaimedElsewhere(string job, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} for {Occurrence} failed; the next occurrence runs as planned")]
    private partial void Failed(Exception e, string job, DateTimeOffset occurrence);
}
