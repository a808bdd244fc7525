using AutoFinance.Domain.Servicing.Loans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>The quiet path on PostgreSQL.</summary>
public sealed partial class EndOfDay
{
    /// <summary>
    /// Quiet loans accrued and marked closed at a time: their loans' pages, just read, are still in the server's cache
    /// when written (a few thousand pages with the instalments read; the default cache holds 16,384).
    /// </summary>
    private const int QuietChunkOnPostgres = 2_000;

    /// <summary>
    /// <see cref="CloseQuietLoansAsync"/> on PostgreSQL, in one transaction: one statement, read through a cursor a chunk
    /// at a time, asks each of the partition's unclosed loans (as <see cref="Unclosed"/> selects them) the quiet question
    /// and reads what a quiet loan's accrual reads; each chunk's quiet loans are accrued and marked closed before the
    /// next chunk is read. A partition's pass read every quiet loan's pages and then wrote them all, by which time the
    /// server had long dropped them from its cache and read most of them a second time. The other loans are listed by
    /// the same statement, rather than by a second pass over the partition's rows.
    /// </summary>
    private async Task<(int Closed, IReadOnlyList<Guid>? Others)> CloseQuietLoansOnPostgresAsync(int partition, DateOnly businessDate, CobOptions options, CancellationToken ct)
    {
        var bucket = options.Buckets.For(0).Name;
        // Instalments are monthly: the running one and the one before it fall within two months either side.
        var (from, to) = (businessDate.AddMonths(-2), businessDate.AddMonths(2));
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        await DeclareQuietLoansAsync(connection, npgsqlTransaction, partition, businessDate, businessDate.AddDays(options.QuietHorizonDays), from, to, ct).ConfigureAwait(false);
        var others = new List<Guid>();
        var (quiet, closed) = (0, 0);
        while (true)
        {
            var (loans, near, fetched) = await FetchQuietLoansAsync(connection, npgsqlTransaction, others, ct).ConfigureAwait(false);
            closed += await CloseQuietChunkAsync(loans, near, businessDate, bucket, from, to, ct).ConfigureAwait(false);
            quiet += loans.Count;
            if (fetched < QuietChunkOnPostgres)
            {
                break;
            }
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        // The cursor gives the loans in the table's order; the page loop takes the others in key order.
        others.Sort();
        // One changed meanwhile (closed by the page loop) is found by listing the partition again, as the others are then.
        return (closed, closed == quiet ? others : null);
    }

    /// <summary>
    /// Opens the cursor: each unclosed loan of the partition, in the order its rows are found, with the answer to the
    /// quiet question and, for a quiet one, what <see cref="CloseQuietChunkAsync"/> reads of the window: its first
    /// instalment falling due after the date with its interest not yet recognised, and the one numbered before it when
    /// that falls in the window too. One row a loan, so a chunk never splits a loan. Each loan's instalments are read
    /// by index probes (lateral subqueries), not one scan of the due-date index over the whole book's window, and not
    /// at all for a loan whose row keeps a running period that answers the question (<see cref="RunningPeriod"/>):
    /// most quiet loans on most days.
    /// </summary>
    private static async Task DeclareQuietLoansAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int partition, DateOnly businessDate, DateOnly horizon, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // The planner prices the statement by its per-loan subqueries high enough to compile it to machine code first
        // (by default above a cost of 100,000), which took longer than running it: this transaction compiles nothing.
        await using (var noJit = new NpgsqlCommand("SET LOCAL jit = off", connection, transaction))
        {
            await noJit.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using var command = new NpgsqlCommand(
            """
            DECLARE quiet_loans NO SCROLL CURSOR FOR
            SELECT l."Id", l."Version", l."StartDate", l."Currency", l.quiet, l."RunningInstallment", l."RunningAccruedInterest",
                r."Number", r."DueDate", r."Interest", r."AccruedInterest", r."InterestAccrued",
                b."Number", b."DueDate", b."Interest", b."AccruedInterest", b."InterestAccrued",
                l.kept, l."RunningPeriodStart", l."RunningDueDate", l."RunningScheduledInterest"
            FROM (
                SELECT k.*, CASE WHEN k.kept THEN TRUE ELSE NOT EXISTS (
                    SELECT 1 FROM installments AS o
                    WHERE o."LoanId" = k."Id" AND o."DueDate" <= @horizon
                        AND (NOT o."InterestAccrued" OR o."PaidPrincipal" < o."Principal" OR o."PaidInterest" < o."Interest" OR o."PaidFee" < o."Fee"
                            OR o."PaidLateFee" + o."WaivedLateFee" < o."LateFee" OR o."PaidPenalty" + o."WaivedPenalty" < o."Penalty")) END AS quiet
                FROM (
                    SELECT u."Id", u."Version", u."StartDate", u."Currency", u."RunningInstallment", u."RunningAccruedInterest",
                        u."RunningPeriodStart", u."RunningDueDate", u."RunningScheduledInterest",
                        COALESCE(u."RunningInstallment" IS NOT NULL AND u."RunningPeriodStart" IS NOT NULL AND u."RunningDueDate" > @horizon, FALSE) AS kept
                    FROM loans AS u
                    WHERE u."Partition" = @partition AND u."Status" = @active AND u."StartDate" <= @date AND (u."LastCloseDate" IS NULL OR u."LastCloseDate" < @date)
                    OFFSET 0) AS k
                -- Not merged into the outer query, so the quiet question is asked once a loan, not again in the joins.
                OFFSET 0) AS l
            LEFT JOIN LATERAL (
                SELECT n."Number", n."DueDate", n."Interest", n."AccruedInterest", n."InterestAccrued" FROM installments AS n
                WHERE l.quiet AND NOT l.kept AND n."LoanId" = l."Id" AND n."DueDate" > @date AND n."DueDate" > @from AND n."DueDate" <= @to AND NOT n."InterestAccrued"
                ORDER BY n."Number" LIMIT 1) AS r ON TRUE
            LEFT JOIN LATERAL (
                SELECT p."Number", p."DueDate", p."Interest", p."AccruedInterest", p."InterestAccrued" FROM installments AS p
                WHERE p."LoanId" = l."Id" AND p."Number" = r."Number" - 1 AND p."DueDate" > @from AND p."DueDate" <= @to) AS b ON TRUE
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("partition", partition);
        command.Parameters.AddWithValue("active", LoanStatusText.Of(LoanStatus.Active));
        command.Parameters.AddWithValue("date", businessDate);
        command.Parameters.AddWithValue("horizon", horizon);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The cursor's next chunk: its quiet loans with their instalments read, its other loans added to <paramref name="others"/>, and how many rows it held.</summary>
    private static async Task<(List<QuietLoan> Quiet, ILookup<Guid, NearInstallment> Near, int Fetched)> FetchQuietLoansAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Guid> others, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"FETCH {QuietChunkOnPostgres} FROM quiet_loans", connection, transaction);
        var quiet = new List<QuietLoan>();
        var near = new List<NearInstallment>();
        var fetched = 0;
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            fetched++;
            var id = reader.GetGuid(0);
            if (!reader.GetBoolean(4))
            {
                others.Add(id);
                continue;
            }

            var running = new RunningInterest(reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetDecimal(6));
            var period = reader.GetBoolean(17)
                ? RunningPeriod.KeptBy(running.Installment, reader.GetFieldValue<DateOnly>(18), reader.GetFieldValue<DateOnly>(19), reader.GetDecimal(20))
                : null;
            quiet.Add(new QuietLoan(id, reader.GetInt64(1), reader.GetFieldValue<DateOnly>(2), reader.GetString(3), running, period));
            AddNear(reader, 12, id, near);
            AddNear(reader, 7, id, near);
        }

        return (quiet, near.ToLookup(i => i.LoanId), fetched);
    }

    /// <summary>Adds the instalment whose columns start at <paramref name="first"/>, if the row has one there.</summary>
    private static void AddNear(NpgsqlDataReader reader, int first, Guid loanId, List<NearInstallment> near)
    {
        if (!reader.IsDBNull(first))
        {
            near.Add(new NearInstallment(loanId, reader.GetInt32(first), reader.GetFieldValue<DateOnly>(first + 1), reader.GetDecimal(first + 2), reader.GetDecimal(first + 3), reader.GetBoolean(first + 4)));
        }
    }
}
