using System.Diagnostics;
using AutoFinance.Domain.Schedules;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// End-of-day at scale: N active 36-month loans booked in a fresh database (varied amounts, start dates over the past
/// years, nine in ten paid to date and the rest behind), then one close of business timed: the book's first, or the
/// last of several consecutive days, when the loans are as a daily close leaves them.
/// </summary>
public static class CobBenchmark
{
    /// <param name="CpuSeconds">Processor time the process spent on the close (all its threads): a figure a busy machine disturbs less than the wall clock.</param>
    /// <param name="Checksum">A digest of what the close produced (the loans' status, days past due and bucket, the ledger's totals per account and side, reminders): equal on every run of the same build and size.</param>
    /// <param name="Wal">On PostgreSQL, what the close wrote to the server's log: figures the machine's load does not move.</param>
    /// <param name="SetupSeconds">Generating the book, or copying the kept one (<paramref name="FromKeptBook"/>), and closing the <paramref name="EarlierDays"/>.</param>
    /// <param name="EarlierDays">Days closed, untimed, before the timed one.</param>
    public sealed record Figures(string Database, int Workers, int Loans, double Seconds, double LoansPerSecond, int Entries, double PeakMemoryMb, double SetupSeconds, double CpuSeconds, string Checksum, WalFigures? Wal = null, bool FromKeptBook = false, int EarlierDays = 0);

    /// <param name="Megabytes">Log written during the close (by position, every session's).</param>
    /// <param name="Records">Log records written.</param>
    /// <param name="FullPageImages">Whole pages copied into the log: a page's first change after each checkpoint.</param>
    /// <param name="Checkpoints">Checkpoints started during the close (timed or forced by the log's size).</param>
    public sealed record WalFigures(double Megabytes, long Records, long FullPageImages, long Checkpoints);

    /// <param name="days">Consecutive days to close, from the book's first; the last is timed.</param>
    /// <param name="keepBook">Start from the book kept by an earlier run of this size and schema, or keep this run's for later ones (<see cref="CobBook"/>).</param>
    public static async Task<Figures> RunAsync(string provider, string connection, int count, int workers, int days, bool keepBook, CancellationToken ct)
    {
        var setup = Stopwatch.StartNew();
        var firstDate = new DateOnly(2026, 11, 24);
        var copied = keepBook && await CobBook.TryCopyAsync(provider, connection, count, ct).ConfigureAwait(false);
        await using var db = Open(provider, connection);
        if (!copied)
        {
            await db.Database.EnsureDeletedAsync(ct).ConfigureAwait(false);
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
            setup.Restart();
            await SeedAsync(db, count, firstDate, ct).ConfigureAwait(false);
            if (keepBook)
            {
                await CobBook.KeepAsync(db, provider, connection, count, ct).ConfigureAwait(false);
            }
        }

        for (var day = 0; day < days - 1; day++)
        {
            await CloseAsync(provider, connection, workers, firstDate.AddDays(day), ct).ConfigureAwait(false);
        }

        var businessDate = firstDate.AddDays(days - 1);
        var setupSeconds = setup.Elapsed.TotalSeconds;
        db.ChangeTracker.Clear();
        var walBefore = provider == "postgresql" ? await WalAsync(db, reset: true, ct).ConfigureAwait(false) : null;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var results = await CloseAsync(provider, connection, workers, businessDate, ct).ConfigureAwait(false);
        var seconds = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var peak = process.PeakWorkingSet64;
        var closed = results.Sum(r => r.Loans);
        WalFigures? wal = null;
        if (walBefore is { } before)
        {
            // The workers' sessions report their counters when they end.
            Npgsql.NpgsqlConnection.ClearAllPools();
            await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
            if (await WalAsync(db, reset: false, ct).ConfigureAwait(false) is { } after)
            {
                wal = new WalFigures(Math.Round((double)(after.Position - before.Position) / 1e6, 1), after.Records, after.FullPageImages, after.Checkpoints - before.Checkpoints);
            }
        }

        var checksum = await ChecksumAsync(db, ct).ConfigureAwait(false);
        return new Figures(provider, workers, closed, Math.Round(seconds, 2), Math.Round(closed / seconds), results.Sum(r => r.Entries), Math.Round(peak / 1e6), Math.Round(setupSeconds, 1), Math.Round(cpu, 2), checksum, wal, copied, days - 1);
    }

    /// <summary>Closes one business date with <paramref name="workers"/> workers sharing its partitions, each on its own connection.</summary>
    private static Task<EndOfDay.Result[]> CloseAsync(string provider, string connection, int workers, DateOnly businessDate, CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(1, workers).Select(async n =>
        {
            await using var own = Open(provider, connection);
            return await new EndOfDay(own, TimeProvider.System).RunAsync(businessDate, new CobOptions { Worker = $"bench/{n}" }, ct).ConfigureAwait(false);
        }));

    /// <summary>
    /// The log's position, its record and full-page-image counters (zeroed first when asked) and the checkpoints so far;
    /// null when the server does not let this user read or reset them (the close is measured without them).
    /// </summary>
    private static async Task<(decimal Position, long Records, long FullPageImages, long Checkpoints)?> WalAsync(AutoFinanceDbContext db, bool reset, CancellationToken ct)
    {
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            if (reset)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_stat_reset_shared('wal')", ct).ConfigureAwait(false);
            }

            // PostgreSQL 17 moved the checkpoint counters from the background writer's view to a view of their own.
            var checkpoints = connection.PostgreSqlVersion.Major >= 17
                ? "(SELECT num_timed + num_requested FROM pg_stat_checkpointer)"
                : "(SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter)";
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0'), wal_records, wal_fpi, {checkpoints} FROM pg_stat_wal";
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await reader.ReadAsync(ct).ConfigureAwait(false);
            return (reader.GetDecimal(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InsufficientPrivilege)
        {
            return null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// An order-free digest of the close's results: every loan's reference with its status, days past due, bucket and
    /// last close date, the ledger's amounts summed per account and side with the entries counted per kind, and the
    /// reminders queued. Loan ids are new on every run, so loans are named by reference.
    /// </summary>
    public static async Task<string> ChecksumAsync(AutoFinanceDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ulong loans = 0;
        await foreach (var loan in db.Loans.AsNoTracking().Select(l => new { l.Reference, l.Status, l.DaysPastDue, l.Bucket, l.LastCloseDate }).AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
        {
            loans += Fnv($"{loan.Reference}|{loan.Status}|{loan.DaysPastDue}|{loan.Bucket}|{loan.LastCloseDate:yyyy-MM-dd}");
        }

        var sums = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        await foreach (var line in db.JournalLines.AsNoTracking().Select(l => new { l.Account, l.Side, l.Amount }).AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
        {
            var key = line.Account + "/" + line.Side;
            sums[key] = sums.GetValueOrDefault(key) + line.Amount;
        }

        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var kind in db.JournalEntries.AsNoTracking().Select(e => e.Kind).AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
        {
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }

        var reminders = await db.Outbox.CountAsync(ct).ConfigureAwait(false);
        var ledger = string.Join(";", sums.Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Key}={s.Value:0.00}")))
            + ";" + string.Join(";", kinds.Select(k => $"{k.Key}={k.Value}"));
        return $"{Fnv(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{loans}|{ledger}|{reminders}")):x16}";
    }

    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }

    /// <summary>
    /// Books <paramref name="count"/> active 36-month loans closed up to the day before <paramref name="businessDate"/>,
    /// shaped like a real book: started over the past two years, nine in ten paid to date (some with an instalment due
    /// today or in the next days) and one in ten behind by 1 to 240 days, so every delinquency bucket and charge-off
    /// are exercised.
    /// </summary>
    public static async Task SeedAsync(AutoFinanceDbContext db, int count, DateOnly businessDate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var random = new Random(5);
        const int chunk = 2_000;
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            // The book is thrown away with the run: it is loaded without waiting for the disk, and the close then
            // runs journaled as the platform's are (WAL, durable commits).
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;", ct).ConfigureAwait(false);
        }

        for (var start = 0; start < count; start += chunk)
        {
            var loans = new List<LoanRow>();
            var installments = new List<InstallmentRow>();
            for (var i = start; i < Math.Min(count, start + chunk); i++)
            {
                var opened = businessDate.AddDays(-random.Next(20, 730));
                var terms = new LoanTerms { Principal = 50_000m + (random.Next(0, 2_000) * 100m), AnnualRate = 0.0599m, TermMonths = 36, Method = RepaymentMethod.Annuity, StartDate = opened };
                var schedule = ScheduleBuilder.Build(terms);
                var loan = new LoanRow
                {
                    Id = Guid.CreateVersion7(),
                    Reference = $"LNB{i:0000000}",
                    ContractId = Guid.CreateVersion7(),
                    ApplicationId = Guid.CreateVersion7(),
                    CustomerId = Guid.CreateVersion7(),
                    Principal = terms.Principal,
                    AnnualRate = terms.AnnualRate,
                    TermMonths = 36,
                    Method = "annuity",
                    StartDate = opened,
                    Currency = "CNY",
                    Status = Domain.Servicing.Loans.LoanStatus.Active,
                    BookedAt = DateTimeOffset.UtcNow,
                    LastCloseDate = businessDate.AddDays(-1),
                };
                loan.Partition = CobPartitions.Next();
                loans.Add(loan);
                var paidUpTo = random.NextDouble() < 0.1 ? businessDate.AddDays(-random.Next(1, 240)) : businessDate;
                foreach (var row in schedule.Installments)
                {
                    var paid = row.DueDate < paidUpTo;
                    var accrued = row.DueDate < businessDate.AddDays(-1) || paid;
                    installments.Add(new InstallmentRow
                    {
                        LoanId = loan.Id,
                        Number = row.Number,
                        DueDate = row.DueDate,
                        Payment = row.Payment,
                        Principal = row.Principal,
                        Interest = row.Interest,
                        Fee = row.Fee,
                        Balance = row.Balance,
                        PaidPrincipal = paid ? row.Principal : 0m,
                        PaidInterest = paid ? row.Interest : 0m,
                        InterestAccrued = accrued,
                        // An instalment fallen due has recognised all its interest, as the close records it.
                        AccruedInterest = accrued ? row.Interest : 0m,
                    });
                }
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await BulkCopy.CopyAsync(db, loans, ct).ConfigureAwait(false);
            await BulkCopy.CopyAsync(db, installments, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }

        if (sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = FULL;", ct).ConfigureAwait(false);
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
        else
        {
            // A live database's tables have been vacuumed and analysed by autovacuum long before a close; a book loaded
            // a moment ago has no statistics (the planner then scans all instalments for a page's few hundred loans) and
            // every row's first reader would set its visibility hints, work no close of a running book does.
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) loans, installments;", ct).ConfigureAwait(false);
        }
    }

    /// <summary>Opens a benchmark database; its audit entries are keyed with a key of this process only (the data is thrown away).</summary>
    public static AutoFinanceDbContext Open(string provider, string connection) => provider == "postgresql"
        ? new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(connection).UseAuditChainKey(BenchKeys.Chain).Options)
        : new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(connection).UseAuditChainKey(BenchKeys.Chain).Options);

    private static readonly AuditKeys BenchKeys = AuditKeys.Ephemeral();
}
