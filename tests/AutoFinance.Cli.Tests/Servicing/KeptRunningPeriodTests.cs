using AutoFinance.Cli.Bench;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Cli.Tests.Servicing;

/// <summary>
/// The running period a quiet loan's row keeps lets the close skip reading its instalments; it must never change
/// what the close does. The same book closed day after day, once keeping the period and once made to read it from
/// the instalments every day, ends with the same loans, the same ledger for each loan and account, and the same
/// interest recognised on each instalment.
/// </summary>
public sealed class KeptRunningPeriodTests : IDisposable
{
    private static readonly DateOnly FirstDate = new(2026, 11, 24);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"autofinance-period-{Guid.NewGuid():N}");

    [Fact]
    public async Task Days_closed_with_the_kept_running_period_end_exactly_as_days_that_read_it_from_the_instalments()
    {
        Directory.CreateDirectory(_directory);
        var kept = $"Data Source={Path.Combine(_directory, "kept.db")}";
        var readAgain = $"Data Source={Path.Combine(_directory, "read-again.db")}";
        foreach (var connection in new[] { kept, readAgain })
        {
            await using var db = CobBenchmark.Open("sqlite", connection);
            await db.Database.MigrateAsync();
            await CobBenchmark.SeedAsync(db, 1_500, FirstDate, CancellationToken.None);
        }

        // Eight days: across a 30th, a 31st and a month's first day, with instalments falling due in between.
        var quietByKeptPeriod = 0;
        for (var day = FirstDate; day < FirstDate.AddDays(8); day = day.AddDays(1))
        {
            quietByKeptPeriod = await Count(kept, "SELECT COUNT(*) FROM loans WHERE RunningDueDate IS NOT NULL");
            await Close(kept, day);
            await Execute(readAgain, "UPDATE loans SET RunningPeriodStart = NULL, RunningDueDate = NULL, RunningScheduledInterest = 0");
            await Close(readAgain, day);
        }

        // Most of the book was closed from the kept period on the last day.
        Assert.InRange(quietByKeptPeriod, 750, 1_500);
        Assert.Equal(await Digest(readAgain), await Digest(kept));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task Close(string connection, DateOnly day)
    {
        await using var db = CobBenchmark.Open("sqlite", connection);
        await new EndOfDay(db, TimeProvider.System).RunAsync(day, new CobOptions(), CancellationToken.None);
    }

    /// <summary>Every loan's state, its ledger by account and side, and each instalment's recognised interest and settlement, by the loan's reference (ids are drawn at random).</summary>
    private static async Task<List<string>> Digest(string connection)
    {
        var rows = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT Reference, Status, DaysPastDue, Bucket, LastCloseDate FROM loans",
            "SELECT l.Reference, j.Account, j.Side, SUM(j.Amount) FROM journal_lines AS j JOIN loans AS l ON l.Id = j.LoanId GROUP BY l.Reference, j.Account, j.Side",
            """
            SELECT l.Reference, i.Number, CASE WHEN l.RunningInstallment = i.Number THEN l.RunningAccruedInterest ELSE i.AccruedInterest END,
                i.InterestAccrued, i.PaidPrincipal, i.PaidInterest, i.LateFee, i.Penalty
            FROM installments AS i JOIN loans AS l ON l.Id = i.LoanId
            """,
        })
        {
            await using var db = new SqliteConnection(connection);
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(c => Convert.ToString(reader.GetValue(c), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static async Task<int> Count(string connection, string sql)
    {
        await using var db = new SqliteConnection(connection);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task Execute(string connection, string sql)
    {
        await using var db = new SqliteConnection(connection);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
