using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web.Hosting.Scheduling;
using AutoFinance.Web.Tests.Servicing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutoFinance.Web.Tests.Operations;

/// <summary>
/// The platform was down at 00:05 Beijing time, when end-of-day was due: when it comes back at 10:00 it closes the day
/// once, recorded as made up; a job whose slot has not come since its last run, a job that moves money and a job never
/// run on this database are not started, and a second restart makes nothing up again.
/// </summary>
[RunsLong]
public sealed class MissedSlotMakeUpTests
{
    /// <summary>10:00 on 10 March 2026 in Beijing.</summary>
    private static readonly DateTimeOffset ComeBackAt = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    /// <summary>00:05 on 10 March in Beijing, the end-of-day slot missed while the platform was down.</summary>
    private static readonly DateTimeOffset MissedEndOfDay = new(2026, 3, 9, 16, 5, 0, TimeSpan.Zero);

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task A_missed_end_of_day_is_made_up_once_at_start_up_and_a_job_whose_slot_has_not_passed_is_not(string provider)
    {
        Xunit.Skip.If(provider == "PostgreSql" && PostgresPlatform.Server is null, "no PostgreSQL configured");
        var directory = Path.Combine(Path.GetTempPath(), $"autofinance-missed-{Guid.NewGuid():N}");
        var database = PostgresPlatform.NewDatabaseName();
        var connection = provider == "Sqlite" ? $"Data Source={Path.Combine(directory, "autofinance.db")}" : $"{PostgresPlatform.Server};Database={database}";
        var clock = new MovableClock(ComeBackAt);
        try
        {
            await using (var before = await StartAsync(provider, connection, directory, clock, scheduler: false))
            {
                await RecordRunsAsync(before,
                    Run(PlatformJobs.EndOfDay, MissedEndOfDay.AddDays(-1)),
                    // 03:00 on 10 March in Beijing: its latest slot, already run.
                    Run(PlatformJobs.ModelMonitoring, new DateTimeOffset(2026, 3, 9, 19, 0, 0, TimeSpan.Zero)),
                    // 06:00 on 9 March in Beijing: the 06:00 of 10 March was missed too, but debits are not made up.
                    Run(PlatformJobs.DirectDebit, new DateTimeOffset(2026, 3, 8, 22, 0, 0, TimeSpan.Zero)));
                await before.StopAsync();
            }

            await using (var back = await StartAsync(provider, connection, directory, clock, scheduler: true))
            {
                await MadeUpAsync(back);

                var runs = await RunsAsync(back);
                var madeUp = Assert.Single(runs, r => r.Trigger == JobRunner.MadeUp);
                Assert.Equal(PlatformJobs.EndOfDay, madeUp.Job);
                Assert.Equal(MissedEndOfDay, madeUp.Occurrence);
                Assert.Equal(JobOutcome.Succeeded, madeUp.Outcome);
                Assert.StartsWith("closed 2026-03-09:", madeUp.Detail, StringComparison.Ordinal);
                Assert.Single(runs, r => r.Job == PlatformJobs.ModelMonitoring);
                Assert.Single(runs, r => r.Job == PlatformJobs.DirectDebit);
                Assert.DoesNotContain(runs, r => r.Job == PlatformJobs.InsightRefresh);

                using var manager = await SignedInAsync(back, "manager");
                var jobs = await manager.GetFromJsonAsync<JsonElement>("/api/v1/jobs");
                var endOfDay = jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == PlatformJobs.EndOfDay);
                Assert.Equal("made-up", endOfDay.GetProperty("lastRun").GetProperty("trigger").GetString());
                Assert.True(endOfDay.GetProperty("makesUpMissedSlot").GetBoolean());
                Assert.False(jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == PlatformJobs.DirectDebit).GetProperty("makesUpMissedSlot").GetBoolean());

                using var page = new HttpRequestMessage(HttpMethod.Get, "/jobs");
                page.Headers.Accept.ParseAdd("text/html");
                page.Headers.AcceptLanguage.ParseAdd("en-GB");
                var html = await (await manager.SendAsync(page)).Content.ReadAsStringAsync();
                Assert.Contains("data-trigger=\"made-up\">Made up after a missed slot", html, StringComparison.Ordinal);
                await back.StopAsync();
            }

            await using (var again = await StartAsync(provider, connection, directory, clock, scheduler: true))
            {
                await MadeUpAsync(again);

                Assert.Single(await RunsAsync(again), r => r.Trigger == JobRunner.MadeUp);
                await again.StopAsync();
            }
        }
        finally
        {
            if (provider == "PostgreSql")
            {
                await using var server = new Npgsql.NpgsqlConnection($"{PostgresPlatform.Server};Database=postgres");
                await server.OpenAsync();
                await using var drop = server.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
                await drop.ExecuteNonQueryAsync();
            }

            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static JobRunRow Run(string job, DateTimeOffset occurrence) => new()
    {
        Id = Guid.CreateVersion7(occurrence),
        Job = job,
        Occurrence = occurrence,
        Trigger = JobRunner.Scheduled,
        Node = "host-before",
        StartedAt = occurrence.AddSeconds(1),
        FinishedAt = occurrence.AddSeconds(30),
        Outcome = JobOutcome.Succeeded,
        Detail = "before the platform went down",
    };

    private static async Task RecordRunsAsync(WebApplication app, params JobRunRow[] runs)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        db.JobRuns.AddRange(runs);
        await db.SaveChangesAsync();
    }

    private static async Task<List<JobRunRow>> RunsAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>().JobRuns.AsNoTracking().ToListAsync();
    }

    private static Task MadeUpAsync(WebApplication app) =>
        app.Services.GetServices<IHostedService>().OfType<JobScheduler>().Single().MissedSlotsMadeUp.WaitAsync(TimeSpan.FromMinutes(2));

    private static async Task<WebApplication> StartAsync(string provider, string connection, string directory, MovableClock clock, bool scheduler)
    {
        var app = WebHost.Build(
        [
            "--urls=http://127.0.0.1:0", .. await TestSimulator.ArgumentsAsync(),
            $"--Database:Provider={provider}",
            $"--ConnectionStrings:Default={connection}",
            $"--Security:KeysPath={Path.Combine(directory, "keys")}",
            $"--Files:Path={Path.Combine(directory, "files")}",
            "--Outbox:Enabled=false",
            "--ServiceDesk:EscalationCheckSeconds=0",
            "--Payouts:ResendCheckSeconds=0",
            $"--Scheduler:Enabled={(scheduler ? "true" : "false")}",
            $"--Scheduler:Node={(scheduler ? "host-back" : "host-before")}",
            $"--Demo:Seed={(scheduler ? "false" : "true")}",
            "--Demo:StoryBook=false",
            PlatformFixture.PasswordHashArgument,
            "--Logging:LogLevel:Default=Warning",
        ], builder => builder.Services.AddSingleton<TimeProvider>(clock));
        await app.StartAsync();
        return app;
    }

    private static async Task<HttpClient> SignedInAsync(WebApplication app, string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        var token = (await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoData.Password })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
