using AutoFinance.Domain.Lifecycle;
using System.CommandLine;
using System.Globalization;
using AutoFinance.Application.Security;
using AutoFinance.Cli.Common;
using AutoFinance.Infrastructure.Hosting;
using AutoFinance.Infrastructure.Payments;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Cli.Payments;

/// <summary>
/// <c>autofinance reconcile --file STATEMENT</c>: imports a bank statement (ISO 20022 camt.053 or the simple CSV)
/// into the configured database as the web page does: matched credits posted, the rest in suspense for the worklist,
/// entries seen before skipped. Needs the web host's key directory (names are matched by keyed hash and stored encrypted).
/// </summary>
public static class ReconcileCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Option<string>("--file") { Description = "The statement file (camt.053 XML or CSV).", Required = true };
        var format = new Option<string?>("--format") { Description = "camt053 or csv (default: told by the file's first character)." };
        var provider = new Option<string?>("--database") { Description = "sqlite (default) or postgresql." };
        var connection = new Option<string?>("--connection") { Description = "Connection string (default Data Source=data/autofinance.db)." };
        var keys = new Option<string?>("--keys") { Description = $"The web host's key directory (default {StorageOptions.DefaultKeysPath})." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command("reconcile", "Import a bank statement: credits matched by repayment reference, else by amount and name, are posted; the rest go to suspense; an entry seen before is skipped.")
        {
            file, format, provider, connection, keys, json,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var path = parsed.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new BadInputException($"--file: no file at '{path}'");
            }

            await using var provided = BankFileServices(context, parsed.GetValue(provider), parsed.GetValue(connection), parsed.GetValue(keys));
            await using var scope = provided.CreateAsyncScope();
            var actor = new Actor("operator", null, null, null, "operator");
            var result = await scope.ServiceProvider.GetRequiredService<BankReconciliation>().ImportAsync(actor, await File.ReadAllTextAsync(path, ct).ConfigureAwait(false), parsed.GetValue(format), ct).ConfigureAwait(false);
            if (result.Value is not { } summary)
            {
                throw new BadInputException($"--file: {result.Problem}");
            }

            if (parsed.GetValue(json))
            {
                return context.WriteJson(summary);
            }

            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Format} statement {summary.StatementId ?? "-"}: {summary.Entries} entries; {summary.Matched} matched and posted ({summary.Posted:0.00}), {summary.Unmatched} to suspense ({summary.Suspense:0.00}), {summary.Ignored} debits left alone, {summary.AlreadySeen} seen before"));
            foreach (var line in summary.Lines)
            {
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {line.EntryReference,-20} {line.BookingDate:yyyy-MM-dd} {line.Direction,-6} {line.Amount,12:0.00} {line.Currency} {StateWords<StatementLineStatus>.Of(line.Status),-9} {line.MatchedBy ?? string.Empty} {line.LoanId}"));
            }

            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>
    /// What importing a file from the bank needs, on the configured database: the payment rails and servicing (a
    /// payment posted notifies the customer through the outbox, for the platform to deliver; e-mail only when a mail
    /// server is set).
    /// </summary>
    internal static ServiceProvider BankFileServices(CliContext context, string? provider, string? connection, string? keys, Action<IServiceCollection>? more = null)
    {
        var kind = (provider ?? "sqlite").Trim().ToLowerInvariant();
        if (kind is not ("sqlite" or "postgresql" or "postgres"))
        {
            throw new BadInputException($"--database: '{kind}' is not sqlite or postgresql");
        }

        var connectionString = connection ?? CliDatabase.DefaultConnection;
        CliDatabase.CheckDatabase(kind, connectionString);
        _ = CliDatabase.Keys(keys);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(context.Clock);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddAutoFinanceStorage(new StorageOptions
        {
            Provider = kind == "sqlite" ? "Sqlite" : "PostgreSql",
            ConnectionString = connectionString,
            KeysPath = keys ?? StorageOptions.DefaultKeysPath,
        });
        services.AddSingleton<Infrastructure.Partners.PartnerDirectory>();
        services.AddPaymentRails();
        services.AddServicingSlices();
        services.AddScoped<Infrastructure.Payouts.PayoutStatusReports>();
        Infrastructure.Hosting.NotificationSetup.AddNotifications(services, new ConfigurationBuilder().AddEnvironmentVariables().Build());
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
