using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Web.Hosting.Scheduling;

namespace AutoFinance.Web.Tests.Operations;

/// <summary>
/// The platform was down at 00:05 Beijing time, when end-of-day was due: when it comes back at 10:00 it closes the day
/// once, recorded as made up; a job whose slot has not come since its last run, a job that pays money out and a job
/// never run on this database are not started, and a second restart makes nothing up again.
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
        await using var platform = new RestartedPlatform(provider, ComeBackAt);
        await using (var before = await platform.StartAsync(scheduler: false))
        {
            await RestartedPlatform.RecordRunsAsync(before,
                RestartedPlatform.Run(PlatformJobs.EndOfDay, MissedEndOfDay.AddDays(-1)),
                // 03:00 on 10 March in Beijing: its latest slot, already run.
                RestartedPlatform.Run(PlatformJobs.ModelMonitoring, new DateTimeOffset(2026, 3, 9, 19, 0, 0, TimeSpan.Zero)),
                // 06:30 on 9 March in Beijing: the 06:30 of 10 March was missed too, but card refunds are not made up.
                RestartedPlatform.Run(PlatformJobs.CardRefunds, new DateTimeOffset(2026, 3, 8, 22, 30, 0, TimeSpan.Zero)));
            await before.StopAsync();
        }

        await using (var back = await platform.StartAsync(scheduler: true))
        {
            await RestartedPlatform.MadeUpAsync(back);

            var runs = await RestartedPlatform.RunsAsync(back);
            var madeUp = Assert.Single(runs, r => r.Trigger == JobRunner.MadeUp);
            Assert.Equal(PlatformJobs.EndOfDay, madeUp.Job);
            Assert.Equal(MissedEndOfDay, madeUp.Occurrence);
            Assert.Equal(JobOutcome.Succeeded, madeUp.Outcome);
            Assert.StartsWith("closed 2026-03-09:", madeUp.Detail, StringComparison.Ordinal);
            Assert.Single(runs, r => r.Job == PlatformJobs.ModelMonitoring);
            Assert.Single(runs, r => r.Job == PlatformJobs.CardRefunds);
            Assert.DoesNotContain(runs, r => r.Job == PlatformJobs.InsightRefresh);

            using var manager = await platform.SignedInAsync("manager");
            var jobs = await manager.GetFromJsonAsync<JsonElement>("/api/v1/jobs");
            var endOfDay = Job(jobs, PlatformJobs.EndOfDay);
            Assert.Equal("made-up", endOfDay.GetProperty("lastRun").GetProperty("trigger").GetString());
            Assert.True(endOfDay.GetProperty("makesUpMissedSlot").GetBoolean());
            Assert.Equal("make-up-once", endOfDay.GetProperty("whenMissed").GetString());
            Assert.False(Job(jobs, PlatformJobs.CardRefunds).GetProperty("makesUpMissedSlot").GetBoolean());
            Assert.Equal("make-up-same-day", Job(jobs, PlatformJobs.DirectDebit).GetProperty("whenMissed").GetString());

            using var page = new HttpRequestMessage(HttpMethod.Get, "/jobs");
            page.Headers.Accept.ParseAdd("text/html");
            page.Headers.AcceptLanguage.ParseAdd("en-GB");
            var html = await (await manager.SendAsync(page)).Content.ReadAsStringAsync();
            Assert.Contains("data-trigger=\"made-up\">Made up after a missed slot", html, StringComparison.Ordinal);
            Assert.Contains("on the same day only (before midnight Beijing time and the day&#x27;s close)", html, StringComparison.Ordinal);
            await back.StopAsync();
        }

        await using (var again = await platform.StartAsync(scheduler: true))
        {
            await RestartedPlatform.MadeUpAsync(again);

            Assert.Single(await RestartedPlatform.RunsAsync(again), r => r.Trigger == JobRunner.MadeUp);
            await again.StopAsync();
        }
    }

    private static JsonElement Job(JsonElement jobs, string name) => jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == name);
}
