using System.CommandLine;
using System.Globalization;
using AutoFinance.Application.Security;
using AutoFinance.Cli.Common;
using AutoFinance.Infrastructure.Hosting;
using AutoFinance.Infrastructure.Payouts;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Cli.Payments;

/// <summary>
/// <c>autofinance payout-report --file REPORT</c>: imports the bank's ISO 20022 pain.002 status report on a bank file,
/// as staff do on the payouts page: a transfer the bank rejected fails its payout with the bank's reason, and a file
/// rejected whole leaves its payouts for the next file. A report imported again changes nothing more.
/// </summary>
public static class PayoutReportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Option<string>("--file") { Description = "The pain.002 status report (XML).", Required = true };
        var provider = new Option<string?>("--database") { Description = "sqlite (default) or postgresql." };
        var connection = new Option<string?>("--connection") { Description = "Connection string (default Data Source=data/autofinance.db)." };
        var keys = new Option<string?>("--keys") { Description = $"The web host's key directory (default {StorageOptions.DefaultKeysPath})." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command("payout-report", "Import the bank's pain.002 status report on a bank file: rejected transfers fail their payouts with the bank's reason; a file rejected whole leaves its payouts for the next file.")
        {
            file, provider, connection, keys, json,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var path = parsed.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new BadInputException($"--file: no file at '{path}'");
            }

            await using var provided = ReconcileCommand.BankFileServices(context, parsed.GetValue(provider), parsed.GetValue(connection), parsed.GetValue(keys));
            await using var scope = provided.CreateAsyncScope();
            var actor = new Actor("operator", null, null, null, "operator");
            var result = await scope.ServiceProvider.GetRequiredService<PayoutStatusReports>().ImportAsync(actor, await File.ReadAllTextAsync(path, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            if (result.Value is not { } summary)
            {
                throw new BadInputException($"--file: {result.Problem}");
            }

            if (parsed.GetValue(json))
            {
                return context.WriteJson(summary);
            }

            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pain.002 {summary.MessageId} on bank file {summary.OriginalMessageId}: {summary.Rejected} payouts rejected and failed, {summary.Released} left for the next file, {summary.AlreadySettled} already failed or paid before, {summary.Other} with another status, {summary.Unknown.Count} unknown references"));
            return CliApp.Ok;
        });
        return command;
    }
}
