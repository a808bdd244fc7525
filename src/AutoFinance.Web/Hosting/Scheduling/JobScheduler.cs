using AutoFinance.Infrastructure.Operations;

namespace AutoFinance.Web.Hosting.Scheduling;

/// <summary>
/// Runs every job of the <see cref="JobCatalog"/> at its occurrences, once the platform is ready. Every host runs
/// this; the <see cref="JobRunner"/> lets exactly one of them run each occurrence. Each job waits for its own next
/// occurrence, so a long end-of-day never holds up the outbox; occurrences a job's own run overlapped are skipped,
/// not made up (the next end-of-day closes whatever days are still open). Scheduler:Enabled=false stops it.
/// </summary>
public sealed partial class JobScheduler(JobCatalog catalog, JobRunner runner, IConfiguration configuration, TimeProvider time, Readiness readiness, ILogger<JobScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.Equals(configuration["Scheduler:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        try
        {
            await readiness.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await Task.WhenAll(catalog.Jobs.Select(job => RunScheduleAsync(job, stoppingToken))).ConfigureAwait(false);
    }

    private async Task RunScheduleAsync(ScheduledJob job, CancellationToken ct)
    {
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} could not be claimed for {Occurrence}; waiting for the next occurrence")]
    private partial void ClaimFailed(Exception e, string job, DateTimeOffset occurrence);
}
