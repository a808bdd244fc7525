using System.Diagnostics;
using System.Runtime.InteropServices;
using AutoFinance.Cli.Bench;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Cli.Tests.Servicing;

/// <summary>
/// End-of-day killed in the middle (a real process, killed outright) and started again: the date is finished
/// exactly once — every loan closed, no interest posted twice, the ledger and the audit chain intact.
/// </summary>
public sealed class CobKillAndResumeTests : IDisposable
{
    private const string ClosedSql = "SELECT COUNT(*) FROM loans WHERE LastCloseDate = '2026-11-24'";
    private static readonly DateOnly BusinessDate = new(2026, 11, 24);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"autofinance-cob-{Guid.NewGuid():N}");

    /// <summary>The run's own key directory (the audit chain's keys), removed with the run.</summary>
    private string Keys => Path.Combine(_directory, "keys");

    [Fact]
    public async Task A_close_of_business_killed_half_way_finishes_the_date_exactly_once_when_run_again()
    {
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "cob.db");
        var connection = $"Data Source={file}";
        const int loans = 4_000;
        await using (var db = CobBenchmark.Open("sqlite", connection))
        {
            await db.Database.MigrateAsync();
            await CobBenchmark.SeedAsync(db, loans, BusinessDate, CancellationToken.None);
        }

        // The keys the platform would have made with its database.
        _ = Infrastructure.Audit.AuditKeys.FromDirectory(Keys);

        // Killed twice, at points picked at random (seeded), before the run that finishes the date.
        var random = new Random(2026);
        var closedWhenKilled = 0;
        foreach (var share in new[] { random.Next(5, 30), random.Next(40, 80) })
        {
            closedWhenKilled = await RunAndKill(connection, Math.Max(closedWhenKilled + 1, loans * share / 100));
            Assert.InRange(closedWhenKilled, 1, loans - 1);
        }

        var resumed = CliRunner.Run("cob", "--date", "2026-11-24", "--connection", connection, "--keys", Keys, "--json");
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(loans - closedWhenKilled, resumed.Json.GetProperty("loans").GetInt32());

        await using var check = new SqliteConnection(connection);
        await check.OpenAsync();
        Assert.Equal(loans, await Scalar(check, ClosedSql));
        Assert.Equal(0, await Scalar(check, "SELECT COUNT(*) FROM (SELECT LoanId, Description FROM journal_entries GROUP BY LoanId, Description HAVING COUNT(*) > 1)"));
        Assert.Equal(0, await Scalar(check, "SELECT COALESCE(SUM(CASE Side WHEN 'Debit' THEN Amount ELSE -Amount END), 0) FROM journal_lines"));
        // The interest posted is exactly that of the unpaid instalments falling due since the last close and the running
        // periods' interest accrued to the date (kept on the loan's row for a quiet loan), once.
        Assert.Equal(
            await Scalar(check, """
                SELECT SUM(CASE WHEN l.RunningInstallment = i.Number THEN l.RunningAccruedInterest ELSE i.AccruedInterest END)
                FROM installments AS i JOIN loans AS l ON l.Id = i.LoanId
                WHERE (i.DueDate BETWEEN '2026-11-23' AND '2026-11-24' AND i.PaidInterest = 0) OR i.InterestAccrued = 0
                """),
            await Scalar(check, "SELECT SUM(Amount) FROM journal_lines WHERE Account = 'InterestIncome'"));
        Assert.Equal(0, await Scalar(check, "SELECT COUNT(*) FROM cob_partitions WHERE BusinessDate = '2026-11-24' AND Status <> 'done'"));
        Assert.Equal(0, CliRunner.Run("audit", "verify", "--connection", connection, "--keys", Keys).ExitCode);

        var again = CliRunner.Run("cob", "--date", "2026-11-24", "--connection", connection, "--keys", Keys, "--json");
        Assert.Equal(0, again.Json.GetProperty("loans").GetInt32());
    }

    /// <summary>
    /// Starts the command as its own process, kills it once at least <paramref name="threshold"/> loans are closed;
    /// the loans closed by then. The watch runs on its own thread (not the thread pool, which the other tests of the
    /// assembly keep busy) and stops the process while it counts, letting it run on for a couple of milliseconds
    /// between counts: a close of a few thousand loans takes well under a second, and a process left running could
    /// finish between a count and the kill. The count is read without a lock (the log lets a reader in whatever the
    /// writer holds), since a lock the watch took would have to be won against the run's back-to-back commits.
    /// </summary>
    private async Task<int> RunAndKill(string connection, int threshold)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "autofinance.dll"), "cob", "--date", "2026-11-24", "--connection", connection, "--keys", Keys, "--page-size", "25" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        // Drained so that a full pipe never stalls the run.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Task.Factory.StartNew(() => WatchAndKill(process, connection, threshold), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await using var watch = new SqliteConnection(connection + ";Mode=ReadOnly");
        await watch.OpenAsync();
        return (int)await Scalar(watch, ClosedSql);
    }

    private static void WatchAndKill(Process process, string connection, int threshold)
    {
        using var watch = new SqliteConnection(connection + ";Mode=ReadOnly");
        watch.Open();
        using var count = watch.CreateCommand();
        count.CommandText = ClosedSql;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Signals.Stop(process);
            if (process.HasExited || ClosedSoFar(count) >= threshold || DateTime.UtcNow >= deadline)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return;
            }

            Signals.Continue(process);
            Thread.Sleep(2);
        }
    }

    /// <summary>
    /// The loans closed so far, or none when the read could not be made now: a writer stopped in the middle of its commit
    /// can leave the log's index in a state a reader is refused (busy, locked, or SQLite's "locking protocol"); the
    /// next look, once the writer has run on, sees it.
    /// </summary>
    private static long ClosedSoFar(SqliteCommand count)
    {
        try
        {
            return Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 or 15)
        {
            return -1;
        }
    }

    /// <summary>Stops and continues a process (POSIX job control), which .NET's <see cref="Process"/> does not offer.</summary>
    private static class Signals
    {
        private const int SigCont = 18;
        private const int SigStop = 19;

        public static void Stop(Process process) => Send(process, SigStop);

        public static void Continue(Process process) => Send(process, SigCont);

        private static void Send(Process process, int signal)
        {
            // A process that has ended (and is not yet reaped) ignores it; one already reaped is noticed by HasExited.
            _ = kill(process.Id, signal);
        }

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SA1300, IDE1006 // the C library's own name
        private static extern int kill(int pid, int sig);
#pragma warning restore SA1300, IDE1006
    }

    private static async Task<long> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
