using AutoFinance.Application.Common;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoFinance.Web.Tests.Operations;

/// <summary>
/// A job that checks every few seconds (the outbox) found nothing to do on most runs, and those runs buried the ones
/// that did something in the history: of the runs that found nothing only the latest is kept, to show the job is alive.
/// </summary>
public sealed class IdleJobRunsTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task Of_the_scheduled_runs_that_found_nothing_to_do_only_the_latest_is_kept()
    {
        var name = $"idle-check-{Guid.NewGuid():N}";
        var answers = new Queue<RecordNote>([JobRunner.NothingDone, JobRunner.NothingDone, RecordNote.Of("3 sent, 0 to retry, 0 failed"), JobRunner.NothingDone, JobRunner.NothingDone]);
        var job = new ScheduledJob(name, JobSchedule.Every(TimeSpan.FromSeconds(5)), _ => Task.FromResult(answers.Dequeue()));
        var runner = new JobRunner(platform.App.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<JobRunner>.Instance, "test-node");
        var start = DateTimeOffset.UtcNow;

        for (var i = 0; i < 5; i++)
        {
            await runner.RunAsync(job, start.AddSeconds(5 * i), JobRunner.Scheduled, null, CancellationToken.None);
        }

        await runner.RunNowAsync(new ScheduledJob(name, job.Schedule, _ => Task.FromResult(JobRunner.NothingDone)), "admin:test", CancellationToken.None);

        await using var scope = platform.App.Services.CreateAsyncScope();
        var runs = await scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>().JobRuns.AsNoTracking().Where(r => r.Job == name).ToListAsync();
        // The run that sent something, the latest scheduled run that found nothing, and the one a person asked for.
        Assert.Equal(3, runs.Count);
        Assert.Single(runs, r => r.Detail == "3 sent, 0 to retry, 0 failed");
        var kept = Assert.Single(runs, r => r.Trigger == JobRunner.Scheduled && r.Detail == JobRunner.NothingToDo);
        Assert.True(kept.Occurrence > start.AddSeconds(19), $"the idle run kept is of {kept.Occurrence:O}, not the latest");
        Assert.Single(runs, r => r.Trigger == JobRunner.Manual);
    }
}
