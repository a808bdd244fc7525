using System.Globalization;
using AutoFinance.Cli.Bench;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Web.Tests.Servicing;

/// <summary>
/// End-of-day reads and writes each database its own way (hand-read statements on SQLite, integer-coded amounts and
/// array updates on PostgreSQL); the book it leaves must not depend on which. The same generated book, closed day
/// after day on each, ends with the same loans, ledger, reminders and instalments, to the cent.
/// </summary>
[RunsLong]
public sealed class CloseOnBothDatabasesTests : IDisposable
{
    private static readonly DateOnly FirstDate = new(2026, 11, 24);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"autofinance-both-{Guid.NewGuid():N}");
    private readonly string _database = $"af_both_{Guid.NewGuid():N}";

    [SkippableFact]
    public async Task The_same_book_closed_on_sqlite_and_on_postgresql_ends_the_same()
    {
        Xunit.Skip.If(PostgresPlatform.Server is null, "no PostgreSQL configured");
        Directory.CreateDirectory(_directory);
        var books = new[]
        {
            ("sqlite", $"Data Source={Path.Combine(_directory, "book.db")}"),
            ("postgresql", $"{PostgresPlatform.Server};Database={_database}"),
        };
        var digests = new List<(string Checksum, List<string> Installments, int Charged)>();
        foreach (var (provider, connection) in books)
        {
            await using (var db = CobBenchmark.Open(provider, connection))
            {
                await db.Database.MigrateAsync();
                await CobBenchmark.SeedAsync(db, 1_000, FirstDate, CancellationToken.None);
            }

            // Eight days: across a month's end, with instalments falling due, late fees and penalties charged, and loans
            // rolling from one bucket to the next.
            for (var day = FirstDate; day < FirstDate.AddDays(8); day = day.AddDays(1))
            {
                await using var db = CobBenchmark.Open(provider, connection);
                await new EndOfDay(db, TimeProvider.System).RunAsync(day, new CobOptions(), CancellationToken.None);
            }

            await using (var db = CobBenchmark.Open(provider, connection))
            {
                var installments = await InstallmentsAsync(db);
                digests.Add((await CobBenchmark.ChecksumAsync(db, CancellationToken.None), installments, installments.Count(i => !i.EndsWith("|0.00|0.00", StringComparison.Ordinal))));
            }
        }

        var (sqlite, postgres) = (digests[0], digests[1]);
        // The book did reach late fees or penalties, so their amounts are compared, not only zeros.
        Assert.InRange(sqlite.Charged, 1, int.MaxValue);
        Assert.Equal(sqlite.Installments, postgres.Installments);
        Assert.Equal(sqlite.Checksum, postgres.Checksum);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        if (PostgresPlatform.Server is { } server)
        {
            using var connection = new Npgsql.NpgsqlConnection($"{server};Database=postgres");
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
            drop.ExecuteNonQuery();
        }
    }

    /// <summary>Every instalment by its loan's reference and number: the interest recognised on it (as the loan's row keeps it while it runs), what was paid, and the late fee and penalty charged.</summary>
    private static async Task<List<string>> InstallmentsAsync(AutoFinanceDbContext db)
    {
        var rows = await db.Installments.AsNoTracking()
            .Join(db.Loans, i => i.LoanId, l => l.Id, (i, l) => new
            {
                l.Reference,
                i.Number,
                Accrued = l.RunningInstallment == i.Number ? l.RunningAccruedInterest : i.AccruedInterest,
                i.InterestAccrued,
                i.PaidPrincipal,
                i.PaidInterest,
                i.LateFee,
                i.Penalty,
            })
            .ToListAsync();
        return [.. rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Reference}|{r.Number}|{r.Accrued:0.00}|{r.InterestAccrued}|{r.PaidPrincipal:0.00}|{r.PaidInterest:0.00}|{r.LateFee:0.00}|{r.Penalty:0.00}"))
            .Order(StringComparer.Ordinal)];
    }
}
