using System.CommandLine;
using System.Globalization;
using AutoFinance.Cli.Common;
using AutoFinance.Infrastructure.Hosting;
using AutoFinance.Infrastructure.Payouts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Cli.Payments;

/// <summary>
/// <c>autofinance payout-file --out FILE [--message ID]</c>: writes the pending payouts of the file channel that no file
/// carries yet as a new ISO 20022 pain.001.001.09 credit-transfer file for the bank, as staff do on the payouts page
/// (each payout goes into one file only), or writes an earlier file again as it was. Needs the web host's key directory
/// (the payees' account numbers are stored encrypted). The payouts are confirmed later by the statement's debit lines.
/// </summary>
public static class PayoutFileCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Where to write the pain.001 XML file.", Required = true };
        var provider = new Option<string?>("--database") { Description = "sqlite (default) or postgresql." };
        var connection = new Option<string?>("--connection") { Description = "Connection string (default Data Source=data/autofinance.db)." };
        var keys = new Option<string?>("--keys") { Description = $"The web host's key directory (default {StorageOptions.DefaultKeysPath})." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var message = new Option<string?>("--message") { Description = "Write the earlier file with this message id again, as it was (AF followed by 17 digits)." };
        var command = new Command("payout-file", "Write the pending bank-file payouts no file carries yet as a new ISO 20022 pain.001.001.09 credit-transfer file, or an earlier file again.")
        {
            output, provider, connection, keys, json, message,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var kind = (parsed.GetValue(provider) ?? "sqlite").Trim().ToLowerInvariant();
            if (kind is not ("sqlite" or "postgresql" or "postgres"))
            {
                throw new BadInputException($"--database: '{kind}' is not sqlite or postgresql");
            }

            var path = parsed.GetValue(output);
            string full;
            try
            {
                full = Path.GetFullPath(path ?? string.Empty);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                throw new BadInputException($"--out: '{path}' is not a file path");
            }

            if (string.IsNullOrWhiteSpace(path) || Directory.Exists(full) || Path.GetDirectoryName(full) is not { } folder || !Directory.Exists(folder))
            {
                throw new BadInputException($"--out: '{path}' is not a file in an existing folder");
            }

            var connectionString = parsed.GetValue(connection) ?? CliDatabase.DefaultConnection;
            CliDatabase.CheckConnection(kind, connectionString);

            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton(context.Clock);
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddEnvironmentVariables("AUTOFINANCE_").Build());
            services.AddAutoFinanceStorage(new StorageOptions
            {
                Provider = kind == "sqlite" ? "Sqlite" : "PostgreSql",
                ConnectionString = connectionString,
                KeysPath = parsed.GetValue(keys) ?? StorageOptions.DefaultKeysPath,
            });
            services.AddScoped<PayoutFiles>();
            await using var provided = services.BuildServiceProvider();
            await using var scope = provided.CreateAsyncScope();
            var again = parsed.GetValue(message);
            PayoutFiles.PayoutFile? file;
            try
            {
                var files = scope.ServiceProvider.GetRequiredService<PayoutFiles>();
                file = again is null
                    ? await files.WriteNewAsync("operator", ct).ConfigureAwait(false)
                    : await files.ReadAsync(again, ct).ConfigureAwait(false) ?? throw new BadInputException($"--message: no bank file '{again}' was written");
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or InvalidOperationException or ArgumentException or System.Security.Cryptography.CryptographicException)
            {
                throw new BadInputException($"--connection: cannot read the payouts: {e.Message.ReplaceLineEndings(" ")}");
            }

            if (file is null)
            {
                context.Error.WriteLine("no payout of the bank-file channel is waiting for a file; nothing written");
                return CliApp.Failure;
            }

            try
            {
                // The file carries full account numbers: the owner's alone (0600), as the platform's own files are.
                Infrastructure.Security.OwnerOnlyFiles.EnsureFile(full);
                await File.WriteAllTextAsync(full, file.Xml, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BadInputException($"--out: cannot write '{path}': {e.Message}");
            }
            if (parsed.GetValue(json))
            {
                return context.WriteJson(new { file.MessageId, file.Transfers, file.Total, path = full });
            }

            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pain.001 {file.MessageId}: {file.Transfers} transfers, {file.Total:0.00} in all, written to {full}"));
            return CliApp.Ok;
        });
        return command;
    }
}
