using System.CommandLine;
using AutoFinance.Cli.Common;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Hosting;

namespace AutoFinance.Cli.Audit;

/// <summary>
/// <c>autofinance audit verify</c>: walks the keyed audit chain of a database, checks it against the signed
/// checkpoints kept outside the database, and reports the first entry that was altered, removed, re-hashed or cut
/// off, with the kind of break; when intact, anchors the head with a new checkpoint. Exit 0 when intact, 1 when
/// tampering is found.
/// </summary>
public static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var provider = new Option<string?>("--database") { Description = "sqlite (default) or postgresql." };
        var connection = new Option<string?>("--connection") { Description = "Connection string (default Data Source=data/autofinance.db)." };
        var keys = CliDatabase.KeysOption();
        var checkpoints = new Option<string?>("--checkpoints") { Description = $"The checkpoint file (default {AuditKeys.CheckpointFileName} in the key directory, as the web host's Audit:CheckpointPath)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var verify = new Command("verify", "Verify the audit chain against its key and checkpoints and name the first break.") { provider, connection, keys, checkpoints, json };
        verify.SetAction(async (parsed, ct) =>
        {
            var keysPath = parsed.GetValue(keys) ?? StorageOptions.DefaultKeysPath;
            var auditKeys = CliDatabase.Keys(keysPath);
            var anchoring = new AuditAnchoring(new CheckpointFile(parsed.GetValue(checkpoints) ?? AuditKeys.DefaultCheckpointPath(keysPath), auditKeys.Checkpoint), context.Clock);
            var db = CliDatabase.Open(parsed.GetValue(provider), parsed.GetValue(connection), readOnly: true, auditKeys);
            await using (db.ConfigureAwait(false))
            {
                AuditAnchoring.Verification result;
                try
                {
                    result = await anchoring.VerifyAsync(db, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
                {
                    throw new BadInputException($"--connection: cannot read the audit log: {e.Message}");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new BadInputException($"--checkpoints: cannot use the checkpoint file: {e.Message}");
                }

                if (parsed.GetValue(json))
                {
                    context.WriteJson(result);
                }
                else
                {
                    context.Output.WriteLine(result.Intact
                        ? $"audit chain intact: {result.Entries} entries, anchored through entry {result.AnchoredThrough} ({result.Checkpoints} checkpoints)"
                        : $"audit chain BROKEN at entry {result.FirstBrokenSequence} ({result.Kind}): {result.Problem}");
                }

                return result.Intact ? CliApp.Ok : CliApp.Failure;
            }
        });
        return new Command("audit", "Work with the audit log.") { verify };
    }
}
