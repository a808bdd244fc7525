using System.CommandLine;
using AutoFinance.Cli.Common;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Cli.Audit;

/// <summary>
/// <c>autofinance audit verify</c>: walks the hash-chained audit log of a database and reports the first entry that was
/// altered, removed or reordered. Exit 0 when intact, 1 when tampering is found.
/// </summary>
public static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var provider = new Option<string?>("--database") { Description = "sqlite (default) or postgresql." };
        var connection = new Option<string?>("--connection") { Description = "Connection string (default Data Source=data/autofinance.db)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var verify = new Command("verify", "Verify the audit chain and name the first broken entry.") { provider, connection, json };
        verify.SetAction(async (parsed, ct) =>
        {
            var kind = (parsed.GetValue(provider) ?? "sqlite").Trim().ToLowerInvariant();
            var connectionString = parsed.GetValue(connection) ?? "Data Source=data/autofinance.db";
            AutoFinanceDbContext db = kind switch
            {
                "sqlite" => new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(SqliteSource(connectionString)).Options),
                "postgresql" or "postgres" => new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(connectionString).Options),
                _ => throw new BadInputException($"--database: '{kind}' is not sqlite or postgresql"),
            };
            await using (db.ConfigureAwait(false))
            {
                AuditLog.Verification result;
                try
                {
                    result = await AuditLog.VerifyAsync(db, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
                {
                    throw new BadInputException($"--connection: cannot read the audit log: {e.Message}");
                }

                if (parsed.GetValue(json))
                {
                    context.WriteJson(result);
                }
                else
                {
                    context.Output.WriteLine(result.Intact
                        ? $"audit chain intact: {result.Entries} entries"
                        : $"audit chain BROKEN at entry {result.FirstBrokenSequence}: {result.Problem}");
                }

                return result.Intact ? CliApp.Ok : CliApp.Failure;
            }
        });
        return new Command("audit", "Work with the audit log.") { verify };
    }

    private static string SqliteSource(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString) { Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly };
        if (!File.Exists(builder.DataSource))
        {
            throw new BadInputException($"--connection: the database '{builder.DataSource}' does not exist");
        }

        return builder.ToString();
    }
}
