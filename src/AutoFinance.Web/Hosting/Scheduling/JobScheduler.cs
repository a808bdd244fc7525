using AutoFinance.Infrastructure.Operations;

namespace AutoFinance.Web.Hosting.Scheduling;

/// <summary>
/// Runs every job of the <see cref="JobCatalog"/> at its occurrences, once the platform is ready. Every host runs
/// this; the <see cref="JobRunner"/> lets exactly one of them run each occurrence. Each job waits for its own next
/// occurrence, so a long end-of-day never holds up the outbox; occurrences a job's own run overlapped are skipped,
/// not made up (the next end-of-day closes whatever days are still open). At start, a job that makes up a missed slot
/// (<see cref="MissedSlot.MakeUpOnce"/>) and whose latest run is older than its latest slot runs once for that slot
/// before it waits for its next; one that makes up only on the slot's own day (<see cref="MissedSlot.MakeUpSameDay"/>,
/// the direct debits) does so after those, as a normal night runs the close before the morning's debits.
/// Scheduler:Enabled=false stops it.
/// </summary>
public sealed partial class JobScheduler(JobCatalog catalog, JobRunner runner, IConfiguration configuration, TimeProvider time, Readiness readiness, ILogger<JobScheduler> logger) : BackgroundService
{
    private readonly TaskCompletionSource _missedSlotsMadeUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Done once the slots missed while no host was up have been made up (at once when the scheduler is off or stops first).</summary>
    public Task MissedSlotsMadeUp => _missedSlotsMadeUp.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.Equals(configuration["Scheduler:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
        {
            _missedSlotsMadeUp.TrySetResult();
            return;
        }

        try
        {
            await readiness.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _missedSlotsMadeUp.TrySetResult();
            return;
        }

        var nightly = catalog.Jobs.Select(job => job.WhenMissed == MissedSlot.MakeUpOnce ? MakeUpAsync(job, stoppingToken) : Task.CompletedTask).ToList();
        var nightDone = Task.WhenAll(nightly);
        var makeUps = catalog.Jobs.Select((job, i) => job.WhenMissed == MissedSlot.MakeUpSameDay ? AfterAsync(nightDone, job, stoppingToken) : nightly[i]).ToList();
        var schedules = catalog.Jobs.Select((job, i) => RunScheduleAsync(job, makeUps[i], stoppingToken)).ToList();
        await Task.WhenAll(makeUps).ConfigureAwait(false);
        _missedSlotsMadeUp.TrySetResult();
        await Task.WhenAll(schedules).ConfigureAwait(false);
    }

    private async Task AfterAsync(Task nightDone, ScheduledJob job, CancellationToken ct)
    {
        await nightDone.ConfigureAwait(false);
        await MakeUpAsync(job, ct).ConfigureAwait(false);
    }

    private async Task MakeUpAsync(ScheduledJob job, CancellationToken ct)
    {
        try
        {
            await runner.MakeUpMissedSlotAsync(job, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The history could not be read or the claim failed (database briefly away): log it and keep the schedule.
        catch (Exception e)
#pragma warning restore CA1031
        {
            MakeUpFailed(e, job.Name);
        }
    }

    private async Task RunScheduleAsync(ScheduledJob job, Task madeUp, CancellationToken ct)
    {
        await madeUp.ConfigureAwait(false);
        var after = time.GetUtcNow();
        while (!ct.IsCancellationRequested)
        {
            var next = job.Schedule.Next(after);
            try
            {
                var wait = next - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, ct).ConfigureAwait(false);
                }

                await runner.RunAsync(job, next, JobRunner.Scheduled, null, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The claim itself failed (database briefly away): log it and keep the schedule.
            catch (Exception e)
#pragma warning restore CA1031
            {
                ClaimFailed(e, job.Name, next);
            }

            var now = time.GetUtcNow();
            after = next > now ? next : now;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} could not make up a missed slot; waiting for the next occurrence")]
    private partial void MakeUpFailed(Exception e, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} could not be claimed for {Occurrence}; waiting for the next occurrence")]
    private partial void ClaimFailed(Exception e, string job, DateTimeOffset occurrence);
}
