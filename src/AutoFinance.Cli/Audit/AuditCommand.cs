using System.CommandLine;
using AutoFinance.Cli.Common;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;

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
            var db = CliDatabase.Open(parsed.GetValue(provider), parsed.GetValue(connection), readOnly: true);
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
}
