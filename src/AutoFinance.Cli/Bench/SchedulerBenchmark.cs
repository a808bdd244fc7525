using System.Diagnostics;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// End-of-day as production runs it: N active loans booked (as <see cref="CobBenchmark"/> books them) in a fresh
/// database, then the platform started as its own process on that database, without demo data, with the end-of-day
/// job due every minute; its scheduler claims the next occurrence and runs the job, and the figures are the run's own
/// record (started, finished, outcome and what it says it did), read from the run history the jobs page shows.
/// </summary>
public static class SchedulerBenchmark
{
    /// <param name="Occurrence">The scheduled moment the host's scheduler ran the job for.</param>
    /// <param name="StartDelaySeconds">From that moment to the run's start (the claim).</param>
    /// <param name="Seconds">The run's wall time, from its start to its finish as recorded.</param>
    /// <param name="WaitSeconds">From the host answering /health to the run finishing, as this process saw it.</param>
    public sealed record Figures(string Database, int Loans, string BusinessDate, DateTimeOffset Occurrence, string Node, string Outcome, double Seconds, double LoansPerSecond,
        double StartDelaySeconds, double WaitSeconds, double SetupSeconds, string Detail, string LoadAverage);

    public static async Task<Figures> RunAsync(string webDll, string provider, string connection, int count, CancellationToken ct)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"autofinance-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var database = provider == "sqlite" ? $"Data Source={Path.Combine(directory, "bench.db")}" : connection;
            var businessDate = BusinessDayClosedAt(DateTimeOffset.UtcNow.AddMinutes(1));
            var setup = Stopwatch.StartNew();
            await using (var db = CobBenchmark.Open(provider, database))
            {
                await db.Database.EnsureDeletedAsync(ct).ConfigureAwait(false);
                await db.Database.MigrateAsync(ct).ConfigureAwait(false);
                await CobBenchmark.SeedAsync(db, count, businessDate, ct).ConfigureAwait(false);
            }

            var setupSeconds = setup.Elapsed.TotalSeconds;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await using var host = await HostProcess.StartAsync(webDll, provider == "sqlite" ? "Sqlite" : "PostgreSql", database, Path.Combine(directory, "keys"),
                ["--Demo:Seed=false", "--Scheduler:EndOfDay=* * * * *", "--Scheduler:TimeZone=Asia/Shanghai", "--Partners:Simulator:Launch=false"]).ConfigureAwait(false);
            var waiting = Stopwatch.StartNew();
            var run = await ScheduledRunAsync(provider, database, TimeSpan.FromMinutes(30), ct).ConfigureAwait(false);
            var seconds = (run.FinishedAt!.Value - run.StartedAt).TotalSeconds;
            return new Figures(provider, count, businessDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), run.Occurrence, run.Node, run.Outcome.ToString(),
                Math.Round(seconds, 2), Math.Round(count / seconds), Math.Round((run.StartedAt - run.Occurrence).TotalSeconds, 2), Math.Round(waiting.Elapsed.TotalSeconds, 1),
                Math.Round(setupSeconds, 1), run.Detail ?? string.Empty, LoadAverage());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// The business day the end-of-day job closes when it runs at <paramref name="moment"/>, by its rule: the Shanghai
    /// day just ended before noon, the same day from noon on.
    /// </summary>
    public static DateOnly BusinessDayClosedAt(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var day = DateOnly.FromDateTime(local.DateTime);
        return local.Hour < 12 ? day.AddDays(-1) : day;
    }

    /// <summary>The first end-of-day run the host's scheduler finished, polled from the run history.</summary>
    private static async Task<JobRunRow> ScheduledRunAsync(string provider, string database, TimeSpan patience, CancellationToken ct)
    {
        var waiting = Stopwatch.StartNew();
        while (waiting.Elapsed < patience)
        {
            await using (var db = CobBenchmark.Open(provider, database))
            {
                var run = await db.JobRuns.AsNoTracking()
                    .Where(r => r.Job == "end-of-day" && r.Trigger == JobRunner.Scheduled && r.FinishedAt != null)
                    .OrderBy(r => r.Occurrence).FirstOrDefaultAsync(ct).ConfigureAwait(false);
                if (run is not null)
                {
                    return run;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
        }

        throw new TimeoutException("no scheduled end-of-day run finished in time");
    }

    /// <summary>The machine's load averages (1, 5 and 15 minutes) where the system tells them, for reading the figures.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
