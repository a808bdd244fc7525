using AutoFinance.Domain.Servicing.Loans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>The quiet path's reads on PostgreSQL.</summary>
public sealed partial class EndOfDay
{
    /// <summary>
    /// A partition's unclosed loans (as <see cref="Unclosed"/> selects them, in key order), each with the answer to the
    /// quiet question of <see cref="CloseQuietLoansAsync"/>, and the quiet ones with their instalments falling due in
    /// the window, in one statement: the quiet question reads each loan's instalments, and its window's are joined to
    /// it at once, while those pages are still in the server's cache, where a second statement read them all again;
    /// and the other loans are listed here rather than by a second pass over the partition's rows. Each loan is its
    /// own index scan (a lateral subquery), not one scan of the due-date index over the whole book's window.
    /// </summary>
    private async Task<(List<QuietLoan> Quiet, ILookup<Guid, NearInstallment>? Near, List<Guid> Others)> QuietLoansOnPostgresAsync(int partition, DateOnly businessDate, DateOnly horizon, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        // The planner prices the statement by its per-loan subquery high enough to compile it to machine code first
        // (by default above a cost of 100,000), which took longer than running it: this transaction compiles nothing.
        await using (var noJit = new NpgsqlCommand("SET LOCAL jit = off", connection, transaction))
        {
            await noJit.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using var command = new NpgsqlCommand(
            """
            SELECT l."Id", l."Version", l."StartDate", l."Currency", l.quiet, i."Id", i."Number", i."DueDate", i."Interest", i."AccruedInterest", i."InterestAccrued"
            FROM (
                SELECT u."Id", u."Version", u."StartDate", u."Currency", NOT EXISTS (
                    SELECT 1 FROM installments AS o
                    WHERE o."LoanId" = u."Id" AND o."DueDate" <= @horizon
                        AND (NOT o."InterestAccrued" OR o."PaidPrincipal" < o."Principal" OR o."PaidInterest" < o."Interest" OR o."PaidFee" < o."Fee"
                            OR o."PaidLateFee" < o."LateFee" OR o."PaidPenalty" < o."Penalty")) AS quiet
                FROM loans AS u
                WHERE u."Partition" = @partition AND u."Status" = @active AND u."StartDate" <= @date AND (u."LastCloseDate" IS NULL OR u."LastCloseDate" < @date)
                -- Not merged into the outer query, so the quiet question is asked once a loan, not again in the join.
                OFFSET 0) AS l
            LEFT JOIN LATERAL (
                SELECT n."Id", n."Number", n."DueDate", n."Interest", n."AccruedInterest", n."InterestAccrued" FROM installments AS n
                WHERE l.quiet AND n."LoanId" = l."Id" AND n."DueDate" > @from AND n."DueDate" <= @to ORDER BY n."Number") AS i ON TRUE
            ORDER BY l."Id", i."Number"
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("partition", partition);
        command.Parameters.AddWithValue("active", LoanStatusText.Of(LoanStatus.Active));
        command.Parameters.AddWithValue("date", businessDate);
        command.Parameters.AddWithValue("horizon", horizon);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        var quiet = new List<QuietLoan>();
        var near = new List<NearInstallment>();
        var others = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var id = reader.GetGuid(0);
            if (!reader.GetBoolean(4))
            {
                others.Add(id);
                continue;
            }

            if (quiet.Count == 0 || quiet[^1].Id != id)
            {
                quiet.Add(new QuietLoan(id, reader.GetInt64(1), reader.GetFieldValue<DateOnly>(2), reader.GetString(3)));
            }

            if (!reader.IsDBNull(5))
            {
                near.Add(new NearInstallment(reader.GetInt64(5), id, reader.GetInt32(6), reader.GetFieldValue<DateOnly>(7), reader.GetDecimal(8), reader.GetDecimal(9), reader.GetBoolean(10)));
            }
        }

        return (quiet, near.ToLookup(i => i.LoanId), others);
    }
}
