using System.CommandLine;
using System.Globalization;
using AutoFinance.Cli.Common;
using AutoFinance.Infrastructure.Servicing;

namespace AutoFinance.Cli.Servicing;

/// <summary><c>autofinance cob --date YYYY-MM-DD</c>: close of business for a date against the configured database.</summary>
public static class CobCommand
{
    public static Command Create(CliContext context)
    {
        var date = new Option<string>("--date") { Description = "Business date (YYYY-MM-DD).", Required = true };
        var provider = new Option<string?>("--database") { Description = "sqlite (default) or postgresql." };
        var connection = new Option<string?>("--connection") { Description = "Connection string (default Data Source=data/autofinance.db)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command("cob", "Run end-of-day for a business date: due interest, days past due, delinquency buckets. Safe to rerun.") { date, provider, connection, json };
        command.SetAction(async (parsed, ct) =>
        {
            var input = new InputReader();
            var businessDate = input.Date("date", parsed.GetValue(date));
            input.ThrowIfAny();
            var db = CliDatabase.Open(parsed.GetValue(provider), parsed.GetValue(connection), readOnly: false);
            await using (db.ConfigureAwait(false))
            {
                var result = await new EndOfDay(db, context.Clock).RunAsync(businessDate!.Value, null, ct).ConfigureAwait(false);
                if (parsed.GetValue(json))
                {
                    return context.WriteJson(result);
                }

                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"close of business {result.BusinessDate:yyyy-MM-dd}: {result.Loans} loans, {result.Entries} entries posted in {result.Seconds:F3} s; buckets: {string.Join(", ", result.Buckets.OrderBy(b => b.Key).Select(b => $"{b.Key} {b.Value}"))}"));
                return CliApp.Ok;
            }
        });
        return command;
    }
}
