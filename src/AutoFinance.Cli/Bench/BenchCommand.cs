using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AutoFinance.Cli.Common;

namespace AutoFinance.Cli.Bench;

/// <summary><c>autofinance bench NAME</c>: the benchmarks that matter to users, printing their figures.</summary>
public static class BenchCommand
{
    public sealed record ScheduleFigures(string Benchmark, double SchedulesPerSecond, double BytesPerSchedule, long Schedules, double Seconds, int Threads, decimal SampleApr);

    public static Command Create(CliContext context)
    {
        var seconds = new Option<string?>("--seconds") { Description = "How long to measure (default 3)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var schedule = new Command("schedule", "60-month annuity schedules with odd first period and APR, per second on one core.") { seconds, json };
        schedule.SetAction(parsed =>
        {
            var input = new InputReader();
            var duration = input.Duration("seconds", parsed.GetValue(seconds), 3m);
            input.ThrowIfAny();
            var figures = MeasureSchedules(duration);
            if (parsed.GetValue(json))
            {
                return context.WriteJson(figures);
            }

            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"schedule: {figures.SchedulesPerSecond:N0} schedules/s on one core, {figures.BytesPerSchedule:N0} bytes allocated per schedule ({figures.Schedules:N0} in {figures.Seconds:F2} s)"));
            return CliApp.Ok;
        });

        var rows = new Option<string?>("--rows") { Description = "Rows of the generated training table (default 300000)." };
        var columns = new Option<string?>("--columns") { Description = "Columns of the generated training table, five of them categorical (default 50)." };
        var credit = new Command("credit", "Scorecard training on 300,000 x 50, single-application scoring and batch CSV scoring.") { rows, columns, seconds, json };
        credit.SetAction(parsed =>
        {
            var input = new InputReader();
            var count = input.IntegerBetween("rows", parsed.GetValue(rows), 300_000, 1_000, 5_000_000);
            var width = input.IntegerBetween("columns", parsed.GetValue(columns), CreditWorkload.DefaultColumns, CreditWorkload.CategoricalColumns + 1, 500);
            var duration = input.Duration("seconds", parsed.GetValue(seconds), 3m);
            input.ThrowIfAny();
            var figures = CreditBenchmark.Measure(count, width, duration);
            if (parsed.GetValue(json))
            {
                return context.WriteJson(figures);
            }

            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"training: {figures.TrainingSeconds:F2} s to bin, select, fit and scale {figures.TrainingRows:N0} rows x {figures.TrainingColumns} columns ({figures.Characteristics} characteristics kept)"));
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"single application: {figures.SingleScoresPerSecond:N0} scores/s, {figures.NanosecondsPerScore:F0} ns each with 4 reason codes, {figures.BytesPerScore:F1} bytes allocated"));
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batch CSV: {figures.BatchRowsPerSecond:N0} rows/s ({figures.BatchMegabytesPerSecond:F0} MB/s, {figures.BatchRows:N0} rows, in memory to a null sink)"));
            return CliApp.Ok;
        });

        var loans = new Option<string?>("--loans") { Description = "Active loans to generate (default 10000)." };
        var cobDatabase = new BenchDatabase("af_bench_cob");
        var workers = new Option<string?>("--workers") { Description = "End-of-day workers sharing the date's partitions (default 1)." };
        var keepBook = new Option<bool>("--keep-book") { Description = "Keep the generated loans for later runs of the same size, and start from a copy of the kept ones when there are (a million loans take minutes to generate)." };
        var days = new Option<string?>("--days") { Description = "Close this many consecutive days and time the last (default 1): from the second day on, the loans are as a daily close leaves them." };
        var cob = new Command("cob", "End-of-day over N generated active loans in a fresh database.") { loans, cobDatabase.Provider, cobDatabase.Connection, workers, days, keepBook, json };
        cob.SetAction(async (parsed, ct) =>
        {
            var input = new InputReader();
            var count = input.IntegerBetween("loans", parsed.GetValue(loans), 10_000, 1, 10_000_000);
            var threads = input.IntegerBetween("workers", parsed.GetValue(workers), 1, 1, 16);
            var closes = input.IntegerBetween("days", parsed.GetValue(days), 1, 1, 31);
            var kind = cobDatabase.Read(input, parsed);
            input.ThrowIfAny();
            var file = Path.Combine(Path.GetTempPath(), $"autofinance-cob-{Guid.NewGuid():N}.db");
            try
            {
                var figures = await CobBenchmark.RunAsync(kind, cobDatabase.ConnectionString(kind, parsed, file), count, threads, closes, parsed.GetValue(keepBook), ct).ConfigureAwait(false);
                if (parsed.GetValue(json))
                {
                    return context.WriteJson(figures);
                }

                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"cob on {figures.Database} with {figures.Workers} worker(s): {figures.Loans:N0} loans in {figures.Seconds:F2} s ({figures.LoansPerSecond:N0} loans/s, {figures.CpuSeconds:F2} s of processor time), {figures.Entries:N0} entries, peak memory {figures.PeakMemoryMb:N0} MB (setup {figures.SetupSeconds:F1} s{(figures.FromKeptBook ? ", a copy of the kept book" : string.Empty)}{EarlierDays(figures.EarlierDays)}), checksum {figures.Checksum}{WalLine(figures.Wal)}"));
                return CliApp.Ok;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var leftover in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(leftover);
                }
            }
        });

        var scheduledWeb = new Option<string?>("--web") { Description = "Path to AutoFinance.Web.dll (default: this repository's Release build)." };
        var schedulerDatabase = new BenchDatabase("af_bench_scheduler");
        var scheduler = new Command("scheduler", "End-of-day over N generated active loans run by the platform's own scheduler (the end-of-day job, as in production): the run's recorded wall time and outcome.") { loans, schedulerDatabase.Provider, schedulerDatabase.Connection, scheduledWeb, json };
        scheduler.SetAction(async (parsed, ct) =>
        {
            var input = new InputReader();
            var count = input.IntegerBetween("loans", parsed.GetValue(loans), 10_000, 1, 10_000_000);
            var kind = schedulerDatabase.Read(input, parsed);
            input.ThrowIfAny();
            var figures = await SchedulerBenchmark.RunAsync(HostProcess.FindWebDll(parsed.GetValue(scheduledWeb)), kind, kind == "sqlite" ? string.Empty : schedulerDatabase.ServerConnectionString(parsed), count, ct).ConfigureAwait(false);
            if (parsed.GetValue(json))
            {
                return context.WriteJson(figures);
            }

            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scheduled end-of-day on {figures.Database}: {figures.Loans:N0} loans closed for {figures.BusinessDate} in {figures.Seconds:F2} s ({figures.LoansPerSecond:N0} loans/s), outcome {figures.Outcome}, started {figures.StartDelaySeconds:F2} s after its {figures.Occurrence:HH:mm:ss}Z occurrence on {figures.Node} (setup {figures.SetupSeconds:F1} s, load average {figures.LoadAverage})"));
            context.Output.WriteLine("run detail: " + figures.Detail);
            return CliApp.Ok;
        });

        var readClients = new Option<string?>("--clients") { Description = "Concurrent readers (default 1: the latency of one read at a time)." };
        var readWeb = new Option<string?>("--web") { Description = "Path to AutoFinance.Web.dll (default: this repository's Release build)." };
        var readBody = new Option<string?>("--body") { Description = "Write the first answer's body to this file (to compare two builds' answers)." };
        var loanRead = new Command("loan-read", "GET /api/v1/loans/{id} of a loan with 1,800 daily accruals and 60 payments: reads per second, p50 and p99, the host's processor time per read.") { seconds, readClients, readWeb, readBody, json };
        loanRead.SetAction(async (parsed, ct) =>
        {
            var input = new InputReader();
            var duration = input.Duration("seconds", parsed.GetValue(seconds), 5m);
            var count = input.IntegerBetween("clients", parsed.GetValue(readClients), 1, 1, 1024);
            input.ThrowIfAny();
            var figures = await LoanReadBenchmark.RunAsync(HostProcess.FindWebDll(parsed.GetValue(readWeb)), count, duration, WrkLoad.Find(), parsed.GetValue(readBody), ct).ConfigureAwait(false);
            if (parsed.GetValue(json))
            {
                return context.WriteJson(figures);
            }

            var r = figures.Reads;
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"loan read ({figures.Accruals:N0} accruals, {figures.Payments} payments, {figures.Entries:N0} entries, {figures.ResponseBytes:N0} bytes) with {r.Clients} client(s) ({figures.Client}): {r.RequestsPerSecond:N0} reads/s, p50 {r.P50Milliseconds} ms, p99 {r.P99Milliseconds} ms, {r.Failures} failed; host processor time {figures.HostMillisecondsPerRead} ms per read"));
            return CliApp.Ok;
        });

        var customers = new Option<string?>("--customers") { Description = "Customers to generate (default 100000; 1000000 on PostgreSQL for the figure that matters)." };
        var searches = new Option<string?>("--searches") { Description = "Searches to time (default 2000), by name, mobile, national ID and a reference nobody has in turn." };
        var searchDatabase = new BenchDatabase("af_bench_search");
        var search = new Command("search", "Back-office search over N generated customers in a fresh database: p50 and p99.") { customers, searches, searchDatabase.Provider, searchDatabase.Connection, json };
        search.SetAction(async (parsed, ct) =>
        {
            var input = new InputReader();
            var count = input.IntegerBetween("customers", parsed.GetValue(customers), 100_000, 1, 10_000_000);
            var times = input.IntegerBetween("searches", parsed.GetValue(searches), 2_000, 1, 1_000_000);
            var kind = searchDatabase.Read(input, parsed);
            input.ThrowIfAny();
            var file = Path.Combine(Path.GetTempPath(), $"autofinance-search-{Guid.NewGuid():N}.db");
            try
            {
                var figures = await SearchBenchmark.RunAsync(kind, searchDatabase.ConnectionString(kind, parsed, file), count, times, ct).ConfigureAwait(false);
                if (parsed.GetValue(json))
                {
                    return context.WriteJson(figures);
                }

                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"search on {figures.Database} over {figures.Customers:N0} customers: {figures.Searches:N0} searches, p50 {figures.P50Milliseconds} ms, p99 {figures.P99Milliseconds} ms, max {figures.MaxMilliseconds} ms, {figures.Misses} expected hits missed (setup {figures.SetupSeconds:F1} s)"));
                return CliApp.Ok;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Delete(file);
            }
        });

        return new Command("bench", "Run a benchmark and print its figures.") { schedule, credit, DecisionCommand.Create(context, seconds, json), cob, scheduler, loanRead, PaymentsBenchmark.Create(context, seconds, json), search };
    }

    /// <summary>Runs the workload on this thread for the duration, after a warm-up, counting schedules and allocated bytes.</summary>
    public static ScheduleFigures MeasureSchedules(TimeSpan duration)
    {
        var sample = 0m;
        for (var i = 0; i < 20_000; i++)
        {
            sample = ScheduleWorkload.Run(ScheduleWorkload.Terms(i));
        }

        var watch = Stopwatch.StartNew();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long count = 0;
        while (watch.Elapsed < duration)
        {
            for (var i = 0; i < 1000; i++)
            {
                sample = ScheduleWorkload.Run(ScheduleWorkload.Terms((int)(count + i)));
            }

            count += 1000;
        }

        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var elapsed = watch.Elapsed.TotalSeconds;
        return new ScheduleFigures("schedule", Math.Round(count / elapsed), Math.Round((double)allocated / count), count, Math.Round(elapsed, 3), 1, sample);
    }

    /// <summary>The days closed untimed before the timed one, as part of the cob line's setup (nothing when none).</summary>
    private static string EarlierDays(int days) => days == 0
        ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $", then {days} day{(days == 1 ? string.Empty : "s")} closed untimed");

    /// <summary>What a PostgreSQL close wrote to the server's log, as the end of the cob line (nothing elsewhere).</summary>
    private static string WalLine(CobBenchmark.WalFigures? wal) => wal is null
        ? ""
        : $"; log written {wal.Megabytes:N0} MB, {wal.Records:N0} records, {wal.FullPageImages:N0} full-page images, {wal.Checkpoints} checkpoint(s)";
}
