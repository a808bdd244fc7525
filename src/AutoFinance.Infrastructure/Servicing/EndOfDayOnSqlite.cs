using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;
using static AutoFinance.Infrastructure.Persistence.SqliteNative;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// The close's reads on SQLite, hand-read from statements prepared on the native connection (which the run keeps
/// open): EF materialised a row at about 3 µs, most of it per column.
/// </summary>
public sealed partial class EndOfDay
{
    /// <summary>How many quiet loans are read, accrued and marked closed together: few enough that the pages their reads bring in are still cached for their writes.</summary>
    private const int QuietChunk = 1_000;

    /// <summary>
    /// The page cache of the run's connection, in KiB (SQLite's default is 2,000): it holds a chunk of quiet loans'
    /// pages from their reads to their writes, and a page of changed loans' pages.
    /// </summary>
    private const int RunCacheKib = 32_768;

    /// <summary>A partition's unclosed loans by their row numbers, read from its index alone, in the table's order.</summary>
    private const string UnclosedSql =
        """
        SELECT l.rowid FROM loans AS l
        WHERE l."Partition" = ?1 AND l."Status" = ?2 AND (l."LastCloseDate" IS NULL OR l."LastCloseDate" < ?3)
        ORDER BY l.rowid
        """;

    /// <summary>
    /// One unclosed loan (by row number) with its first instalment, in number order, that is not settled (its
    /// interest not yet recognised or a part unpaid), and the instalment before it. Number order is due-date order,
    /// so the loan is quiet when that first one falls due after the horizon (or there is none): the same answer as
    /// asking whether any instalment due by the horizon is unsettled, but the walk along the loan's (number) index
    /// stops at the first unsettled instalment instead of reading all 36 rows. A loan whose row keeps a running period
    /// that answers the question (<see cref="RunningPeriod"/>, most quiet loans on most days) reads no instalment.
    /// </summary>
    private const string QuietSql =
        $"""
        SELECT l."Id", l."Version", l."StartDate", l."Currency", l."Bucket", l."DaysPastDue", l."RunningInstallment", l."RunningAccruedInterest",
            f."Number", f."DueDate", f."Interest", f."AccruedInterest", f."InterestAccrued",
            p."Number", p."DueDate", p."Interest", p."AccruedInterest", p."InterestAccrued",
            {KeptPeriod}, l."RunningPeriodStart", l."RunningDueDate", l."RunningScheduledInterest"
        FROM loans AS l
        LEFT JOIN installments AS f ON f."Id" = CASE WHEN {KeptPeriod} THEN NULL ELSE (
            SELECT o."Id" FROM installments AS o
            WHERE o."LoanId" = l."Id"
                AND (NOT o."InterestAccrued" OR o."PaidPrincipal" < o."Principal" OR o."PaidInterest" < o."Interest" OR o."PaidFee" < o."Fee"
                    OR o."PaidLateFee" + o."WaivedLateFee" < o."LateFee" OR o."PaidPenalty" + o."WaivedPenalty" < o."Penalty")
            ORDER BY o."Number" LIMIT 1) END
        LEFT JOIN installments AS p ON p."LoanId" = l."Id" AND p."Number" = f."Number" - 1
        WHERE l.rowid = ?4 AND l."Partition" = ?1 AND l."Status" = ?2 AND l."StartDate" <= ?3 AND (l."LastCloseDate" IS NULL OR l."LastCloseDate" < ?3)
        """;

    /// <summary>Whether the loan's row keeps a running period by which the loan is quiet (the horizon bound as ?5).</summary>
    private const string KeptPeriod =
        """l."RunningInstallment" IS NOT NULL AND l."RunningPeriodStart" IS NOT NULL AND l."RunningDueDate" > ?5""";

    /// <summary>A loan's instalments falling due in a window, in number order.</summary>
    private const string WindowSql =
        """
        SELECT "Number", "DueDate", "Interest", "AccruedInterest", "InterestAccrued" FROM installments
        WHERE "LoanId" = ?1 AND "DueDate" > ?2 AND "DueDate" <= ?3 ORDER BY "Number"
        """;

    /// <summary>A loan's instalments in number order: every mapped column but the loan's id, which is the one asked for.</summary>
    private static readonly string[] ScheduleColumns =
    [
        nameof(InstallmentRow.Id), nameof(InstallmentRow.Number), nameof(InstallmentRow.DueDate), nameof(InstallmentRow.Payment),
        nameof(InstallmentRow.Principal), nameof(InstallmentRow.Interest), nameof(InstallmentRow.Fee), nameof(InstallmentRow.Balance),
        nameof(InstallmentRow.PaidPrincipal), nameof(InstallmentRow.PaidInterest), nameof(InstallmentRow.PaidFee), nameof(InstallmentRow.InterestAccrued),
        nameof(InstallmentRow.AccruedInterest), nameof(InstallmentRow.LateFee), nameof(InstallmentRow.PaidLateFee), nameof(InstallmentRow.Penalty),
        nameof(InstallmentRow.PenaltyExact), nameof(InstallmentRow.PaidPenalty), nameof(InstallmentRow.WaivedLateFee), nameof(InstallmentRow.WaivedPenalty),
    ];

    private static readonly string ScheduleSql =
        $"SELECT {string.Join(", ", ScheduleColumns.Select(c => $"\"{c}\""))} FROM installments WHERE \"LoanId\" = ?1 ORDER BY \"Number\"";

    /// <summary>
    /// On SQLite the run keeps its connection open (its hand-read statements use the native connection, and EF does
    /// not reopen it for every query), with a larger page cache for the run, given back when it ends: a partition's
    /// quiet loans are read, then accrued and marked closed, and the pages the reads brought in are those the
    /// writes need. Its commits are checkpointed beside it (<see cref="SqliteCheckpointer"/>). Null when there is
    /// nothing to do (another provider, or a connection the caller opened).
    /// </summary>
    private async Task<IAsyncDisposable?> KeepOpenOnSqliteAsync(CancellationToken ct)
    {
        if (!db.Database.IsSqlite() || db.Database.GetDbConnection().State == System.Data.ConnectionState.Open)
        {
            return null;
        }

        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        var handle = NativeConnection();
        var cacheSize = long.Parse(Value(handle, "PRAGMA cache_size"), System.Globalization.CultureInfo.InvariantCulture);
        Run(handle, FormattableString.Invariant($"PRAGMA cache_size = -{RunCacheKib}"));
        var run = new RunConnection(db, handle, cacheSize);
        try
        {
            run.Checkpoints = SqliteCheckpointer.Start((SqliteConnection)db.Database.GetDbConnection());
        }
        catch
        {
            await run.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return run;
    }

    private sealed class RunConnection(AutoFinanceDbContext db, sqlite3 handle, long cacheSize) : IAsyncDisposable
    {
        public SqliteCheckpointer? Checkpoints { get; set; }

        public async ValueTask DisposeAsync()
        {
            if (Checkpoints is not null)
            {
                await Checkpoints.DisposeAsync().ConfigureAwait(false);
            }

            Run(handle, FormattableString.Invariant($"PRAGMA cache_size = {cacheSize}"));
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <see cref="CloseQuietLoansAsync"/> on SQLite: the partition's unclosed loans are listed by row number from its
    /// index, then read, accrued and marked closed a chunk at a time in the table's order, so a chunk's loan and
    /// instalment pages are read once and still cached when written (at a million loans a partition's pages are
    /// several hundred megabytes: read in full first, they were read again from outside the cache for the writes).
    /// </summary>
    private async Task<(int Closed, IReadOnlyList<Guid>? Others)> CloseQuietLoansOnSqliteAsync(int partition, DateOnly businessDate, CobOptions options, CancellationToken ct)
    {
        var horizon = businessDate.AddDays(options.QuietHorizonDays);
        var bucket = options.Buckets.For(0).Name;
        // Instalments are monthly: the running one and the one before it fall within two months either side.
        var (from, to) = (businessDate.AddMonths(-2), businessDate.AddMonths(2));
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var handle = NativeConnection();
        var unclosed = new List<long>();
        using (var list = Prepare(handle, UnclosedSql))
        {
            BindLoanConditions(list, handle, partition, businessDate);
            while (Step(list, handle))
            {
                unclosed.Add(SqliteColumns.Int64(list, 0));
            }
        }

        var (found, closed, others) = (0, 0, new List<Guid>());
        using var read = Prepare(handle, QuietSql);
        BindLoanConditions(read, handle, partition, businessDate);
        Check(SqliteColumns.BindDate(read, 5, horizon), handle);
        for (var start = 0; start < unclosed.Count; start += QuietChunk)
        {
            var (loans, near) = ReadQuietLoans(read, handle, unclosed.GetRange(start, Math.Min(QuietChunk, unclosed.Count - start)), horizon, from, to, others);
            closed += await CloseQuietChunkAsync(loans, near, businessDate, bucket, from, to, ct).ConfigureAwait(false);
            found += loans.Count;
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        // One changed meanwhile (closed by the page loop) is found by listing the partition again, as the others are then.
        return (closed, closed == found ? others : null);
    }

    private static void BindLoanConditions(sqlite3_stmt statement, sqlite3 handle, int partition, DateOnly businessDate)
    {
        Check(raw.sqlite3_bind_int64(statement, 1, partition), handle);
        Check(raw.sqlite3_bind_text(statement, 2, LoanStatusText.Of(LoanStatus.Active)), handle);
        Check(SqliteColumns.BindDate(statement, 3, businessDate), handle);
    }

    /// <summary>
    /// The loans among <paramref name="rows"/> that are quiet (see <see cref="QuietSql"/>), with the instalments of
    /// the window the accrual reads; the others are added to <paramref name="others"/>. A quiet loan's running
    /// instalment is its first unsettled one, with the one before it when that falls in the window, which is all the
    /// accrual reads of the window; a quiet loan whose first unsettled instalment has its interest recognised already
    /// (none in a book closed daily) has its window read in full.
    /// </summary>
    private static (List<QuietLoan> Quiet, ILookup<Guid, NearInstallment> Near) ReadQuietLoans(sqlite3_stmt read, sqlite3 handle, IEnumerable<long> rows, DateOnly horizon, DateOnly from, DateOnly to, List<Guid> others)
    {
        var quiet = new List<QuietLoan>();
        var near = new List<NearInstallment>();
        var readWhole = new List<Guid>();
        foreach (var row in rows)
        {
            Check(raw.sqlite3_bind_int64(read, 4, row), handle);
            if (!Step(read, handle))
            {
                // Started after the date.
                raw.sqlite3_reset(read);
                continue;
            }

            var id = SqliteColumns.Guid(read, 0);
            var first = SqliteColumns.IsNull(read, 8) ? null : Near(read, 8, id);
            var running = new RunningInterest(SqliteColumns.IsNull(read, 6) ? null : SqliteColumns.Int32(read, 6), SqliteColumns.Scaled(read, 7, AutoFinanceDbContext.MoneyScale));
            if (SqliteColumns.Boolean(read, 18))
            {
                var period = RunningPeriod.KeptBy(running.Installment, SqliteColumns.Date(read, 19), SqliteColumns.Date(read, 20), SqliteColumns.Scaled(read, 21, AutoFinanceDbContext.MoneyScale));
                quiet.Add(new QuietLoan(id, SqliteColumns.Int64(read, 1), SqliteColumns.Date(read, 2), SqliteColumns.Text(read, 3), running, period, SqliteColumns.Text(read, 4), SqliteColumns.Int32(read, 5)));
            }
            else if (first is not null && first.DueDate <= horizon)
            {
                others.Add(id);
            }
            else
            {
                quiet.Add(new QuietLoan(id, SqliteColumns.Int64(read, 1), SqliteColumns.Date(read, 2), SqliteColumns.Text(read, 3), running, null, SqliteColumns.Text(read, 4), SqliteColumns.Int32(read, 5)));
                if (first is null || first.DueDate > to)
                {
                    // Every instalment is settled, or the first unsettled one and all after it fall due past the window.
                }
                else if (first.InterestAccrued)
                {
                    readWhole.Add(id);
                }
                else
                {
                    if (!SqliteColumns.IsNull(read, 13) && Near(read, 13, id) is var before && before.DueDate > from && before.DueDate <= to)
                    {
                        near.Add(before);
                    }

                    near.Add(first);
                }
            }

            raw.sqlite3_reset(read);
        }

        if (readWhole.Count > 0)
        {
            using var window = Prepare(handle, WindowSql);
            Check(SqliteColumns.BindDate(window, 2, from), handle);
            Check(SqliteColumns.BindDate(window, 3, to), handle);
            foreach (var id in readWhole)
            {
                Check(SqliteColumns.BindGuid(window, 1, id), handle);
                while (Step(window, handle))
                {
                    near.Add(Near(window, 0, id));
                }

                raw.sqlite3_reset(window);
            }
        }

        return (quiet, near.ToLookup(i => i.LoanId));
    }

    /// <summary>The instalments of the loans, each loan's in number order, read as EF reads them (one index seek a loan).</summary>
    private ILookup<Guid, InstallmentRow> SchedulesOnSqlite(IReadOnlyList<Guid> loanIds)
    {
        var handle = NativeConnection();
        var (money, exact) = ScheduleScales();
        var rows = new List<InstallmentRow>(loanIds.Count * 36);
        // One read transaction for the page: stepped on its own, each loan's statement was a transaction of its own,
        // taking and releasing the WAL's read lock every time.
        Run(handle, "BEGIN");
        try
        {
            using var statement = Prepare(handle, ScheduleSql);
            foreach (var id in loanIds)
            {
                Check(SqliteColumns.BindGuid(statement, 1, id), handle);
                while (Step(statement, handle))
                {
                    rows.Add(new InstallmentRow
                    {
                        Id = SqliteColumns.Int64(statement, 0),
                        LoanId = id,
                        Number = SqliteColumns.Int32(statement, 1),
                        DueDate = SqliteColumns.Date(statement, 2),
                        Payment = SqliteColumns.Scaled(statement, 3, money),
                        Principal = SqliteColumns.Scaled(statement, 4, money),
                        Interest = SqliteColumns.Scaled(statement, 5, money),
                        Fee = SqliteColumns.Scaled(statement, 6, money),
                        Balance = SqliteColumns.Scaled(statement, 7, money),
                        PaidPrincipal = SqliteColumns.Scaled(statement, 8, money),
                        PaidInterest = SqliteColumns.Scaled(statement, 9, money),
                        PaidFee = SqliteColumns.Scaled(statement, 10, money),
                        InterestAccrued = SqliteColumns.Boolean(statement, 11),
                        AccruedInterest = SqliteColumns.Scaled(statement, 12, money),
                        LateFee = SqliteColumns.Scaled(statement, 13, money),
                        PaidLateFee = SqliteColumns.Scaled(statement, 14, money),
                        Penalty = SqliteColumns.Scaled(statement, 15, money),
                        PenaltyExact = SqliteColumns.Scaled(statement, 16, exact),
                        PaidPenalty = SqliteColumns.Scaled(statement, 17, money),
                        WaivedLateFee = SqliteColumns.Scaled(statement, 18, money),
                        WaivedPenalty = SqliteColumns.Scaled(statement, 19, money),
                    });
                }

                raw.sqlite3_reset(statement);
            }
        }
        finally
        {
            Run(handle, "COMMIT");
        }

        return rows.ToLookup(i => i.LoanId);
    }

    /// <summary>
    /// Whether <see cref="SchedulesOnSqlite"/> reads every mapped column of an instalment as the model stores it:
    /// each under its property's name, amounts as scaled integers at the money scale (the penalty's exact amount at
    /// the rate scale). When the model has moved on, the page reads instalments through EF.
    /// </summary>
    private bool ScheduleReaderFits() => _scheduleReaderFits ??= ScheduleReaderFitsModel();

    private bool? _scheduleReaderFits;

    private bool ScheduleReaderFitsModel()
    {
        var entity = db.Model.FindEntityType(typeof(InstallmentRow));
        if (entity is null)
        {
            return false;
        }

        var mapped = entity.GetProperties().Where(p => p.PropertyInfo is not null).ToList();
        var (money, exact) = ScheduleScales();
        return mapped.Count == ScheduleColumns.Length + 1
            && mapped.All(p => p.GetColumnName() == p.Name && (p.Name == nameof(InstallmentRow.LoanId) || ScheduleColumns.Contains(p.Name)))
            && mapped.All(p => p.ClrType != typeof(decimal)
                || (p.GetValueConverter() is ScaledDecimalConverter && p.GetScale() == (p.Name == nameof(InstallmentRow.PenaltyExact) ? exact : money)));
    }

    private static (int Money, int Exact) ScheduleScales() => (AutoFinanceDbContext.MoneyScale, AutoFinanceDbContext.RateScale);

    private static NearInstallment Near(sqlite3_stmt statement, int first, Guid loanId) => new(
        loanId,
        SqliteColumns.Int32(statement, first),
        SqliteColumns.Date(statement, first + 1),
        SqliteColumns.Scaled(statement, first + 2, AutoFinanceDbContext.MoneyScale),
        SqliteColumns.Scaled(statement, first + 3, AutoFinanceDbContext.MoneyScale),
        SqliteColumns.Boolean(statement, first + 4));

    private sqlite3 NativeConnection() =>
        ((SqliteConnection)db.Database.GetDbConnection()).Handle ?? throw new InvalidOperationException("the close's connection is not open");
}
