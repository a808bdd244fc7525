using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Hosting.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Operations;

/// <summary>
/// Two hosts over one PostgreSQL database, both running the scheduler with end-of-day due every two seconds: each
/// occurrence is run by one host only, the other host finds it claimed.
/// </summary>
[RunsLong]
public sealed class ScheduledEndOfDayAcrossHostsTests : IAsyncLifetime
{
    private readonly string _database = PostgresPlatform.NewDatabaseName();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"autofinance-hosts-{Guid.NewGuid():N}");
    private readonly List<WebApplication> _hosts = [];

    [SkippableFact]
    public async Task A_scheduled_end_of_day_runs_once_across_two_hosts()
    {
        Xunit.Skip.If(PostgresPlatform.Server is null, "no PostgreSQL configured");
        var first = await StartAsync("host-a", seed: true);
        var second = await StartAsync("host-b", seed: false);
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await first.Services.GetRequiredService<AutoFinance.Web.Hosting.Readiness>().WaitAsync(ready.Token);
        await second.Services.GetRequiredService<AutoFinance.Web.Hosting.Readiness>().WaitAsync(ready.Token);
        var started = DateTimeOffset.UtcNow;

        await using var scope = first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var deadline = DateTime.UtcNow.AddSeconds(40);
        List<JobRunRow> runs;
        do
        {
            await Task.Delay(500);
            runs = await db.JobRuns.AsNoTracking().Where(r => r.Job == PlatformJobs.EndOfDay && r.FinishedAt != null && r.Occurrence > started).ToListAsync();
        }
        while (runs.Count < 4 && DateTime.UtcNow < deadline);

        await StopAsync();
        runs = await db.JobRuns.AsNoTracking().Where(r => r.Job == PlatformJobs.EndOfDay).ToListAsync();
        Assert.True(runs.Count(r => r.Occurrence > started) >= 4, $"only {runs.Count} end-of-day runs in the time allowed");
        Assert.Equal(runs.Count, runs.Select(r => r.Occurrence).Distinct().Count());
        Assert.All(runs, r => Assert.Equal("schedule", r.Trigger));
        // A run the shutdown cut short is recorded as such; every other run finished.
        Assert.All(runs.Where(r => r.Detail?.StartsWith("stopped:", StringComparison.Ordinal) != true), r => Assert.True(r.Outcome == JobOutcome.Succeeded, r.Detail));

        // Both hosts reached the occurrences: whichever did not run one found it claimed by the other.
        var lost = first.Services.GetRequiredService<JobRunner>().ClaimsLost + second.Services.GetRequiredService<JobRunner>().ClaimsLost;
        Assert.True(lost >= 2, $"the hosts lost {lost} claims to each other");
        Assert.All(runs, r => Assert.Contains(r.Node, new[] { "host-a", "host-b" }));
    }

    private async Task<WebApplication> StartAsync(string node, bool seed)
    {
        var partners = await TestSimulator.ArgumentsAsync();
        var host = WebHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--Database:Provider=PostgreSql",
            $"--ConnectionStrings:Default={PostgresPlatform.Server};Database={_database}",
            $"--Security:KeysPath={Path.Combine(_directory, "keys")}",
            $"--Files:Path={Path.Combine(_directory, "files")}",
            $"--Outbox:Directory={Path.Combine(_directory, "outbox")}",
            "--Outbox:Enabled=false",
            PlatformFixture.PasswordHashArgument,
            "--ServiceDesk:EscalationCheckSeconds=0",
            "--Scheduler:EndOfDay=*/2 * * * * *",
            "--Scheduler:InsightRefresh=off",
            "--Scheduler:ModelMonitoring=off",
            "--Scheduler:RunHistoryCleanup=off",
            $"--Scheduler:Node={node}",
            $"--Demo:Seed={(seed ? "true" : "false")}",
            "--Logging:LogLevel:Default=Warning",
            .. partners,
        ]);
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }

    private async Task StopAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        if (PostgresPlatform.Server is { } server)
        {
            await using var connection = new Npgsql.NpgsqlConnection($"{server};Database=postgres");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
