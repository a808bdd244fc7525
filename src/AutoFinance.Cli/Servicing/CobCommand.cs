using System.CommandLine;
using System.Globalization;
using AutoFinance.Cli.Common;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.Extensions.Configuration;

namespace AutoFinance.Cli.Servicing;

/// <summary>
/// <c>autofinance cob --date YYYY-MM-DD</c>: close of business for a date against the configured database. Several
/// workers (<c>--workers</c> threads here, or this command started on several machines against one PostgreSQL) share
/// the date's partitions; a run killed half-way is finished by running it again.
/// </summary>
public static class CobCommand
{
    public static Command Create(CliContext context)
    {
        var date = new Option<string>("--date") { Description = "Business date (YYYY-MM-DD).", Required = true };
        var provider = new Option<string?>("--database") { Description = "sqlite (default) or postgresql." };
        var connection = new Option<string?>("--connection") { Description = "Connection string (default Data Source=data/autofinance.db)." };
        var keys = CliDatabase.KeysOption();
        var workers = new Option<string?>("--workers") { Description = "Worker threads in this process (default 1)." };
        var worker = new Option<string?>("--worker") { Description = "This worker's name (default the machine name); a restarted worker takes its own unfinished partitions back at once." };
        var chargeOff = new Option<string?>("--charge-off-days") { Description = "Days past due at which a loan is written off (default 180)." };
        var pageSize = new Option<string?>("--page-size") { Description = "Loans per transaction (default 500)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command("cob", "Run end-of-day for a business date: due interest and fees, late fees, penalty interest, days past due, buckets, charge-off. Safe to rerun.")
        {
            date, provider, connection, keys, workers, worker, chargeOff, pageSize, json,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var input = new InputReader();
            var businessDate = input.Date("date", parsed.GetValue(date));
            var threads = input.Integer("workers", parsed.GetValue(workers)) ?? 1;
            var chargeOffDays = input.Integer("charge-off-days", parsed.GetValue(chargeOff)) ?? 180;
            var page = input.Integer("page-size", parsed.GetValue(pageSize)) ?? 500;
            if (page is < 1 or > 10_000)
            {
                input.Add(new("page-size", "must be between 1 and 10000"));
            }

            if (businessDate is { } day && Application.Servicing.BusinessDay.CloseDateProblem(day, Application.Servicing.BusinessDay.Today(context.Clock)) is { } problem)
            {
                input.Add(new("date", problem));
            }

            if (threads is < 1 or > 64)
            {
                input.Add(new("workers", "must be between 1 and 64"));
            }

            if (chargeOffDays is < 30 or > 3650)
            {
                input.Add(new("charge-off-days", "must be between 30 and 3650"));
            }

            input.ThrowIfAny();
            var name = parsed.GetValue(worker) ?? Environment.MachineName;
            CliDatabase.CheckDatabase(parsed.GetValue(provider), parsed.GetValue(connection));
            var auditKeys = CliDatabase.Keys(parsed.GetValue(keys));
            // Reminders are written for the channels the web host delivers on: e-mail only when its mail server is set
            // (Notifications__Smtp__Host in the environment, as the host reads it).
            var notifications = Infrastructure.Hosting.NotificationSetup.Options(new ConfigurationBuilder().AddEnvironmentVariables().Build());
            var runs = Enumerable.Range(1, threads).Select(async n =>
            {
                var db = CliDatabase.Open(parsed.GetValue(provider), parsed.GetValue(connection), readOnly: false, auditKeys);
                await using (db.ConfigureAwait(false))
                {
                    var options = new CobOptions { Worker = threads == 1 ? name : $"{name}/{n}", ChargeOffDays = chargeOffDays, PageSize = page };
                    return await new EndOfDay(db, context.Clock, notifications: notifications).RunAsync(businessDate!.Value, options, ct).ConfigureAwait(false);
                }
            }).ToList();
            var results = await Task.WhenAll(runs).ConfigureAwait(false);
            var summary = new
            {
                BusinessDate = businessDate!.Value,
                Loans = results.Sum(r => r.Loans),
                Entries = results.Sum(r => r.Entries),
                ChargedOff = results.Sum(r => r.ChargedOff),
                Buckets = InLatenessOrder(results.SelectMany(r => r.Buckets).GroupBy(b => b.Key).Select(g => (g.Key, g.Sum(b => b.Value)))),
                PartitionsDone = results.Max(r => r.PartitionsDone),
                PartitionsLeft = results.Min(r => r.PartitionsLeft),
                Seconds = results.Max(r => r.Seconds),
            };
            if (parsed.GetValue(json))
            {
                return context.WriteJson(summary);
            }

            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"close of business {summary.BusinessDate:yyyy-MM-dd}: {summary.Loans} loans, {summary.Entries} entries posted, {summary.ChargedOff} charged off in {summary.Seconds:F3} s; buckets: {string.Join(", ", summary.Buckets.Select(b => $"{b.Key} {b.Value}"))}; partitions done {summary.PartitionsDone}, left to other workers {summary.PartitionsLeft}"));
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The buckets from current to the latest, as a collector reads them (not "1-30" before "Current").</summary>
    private static Dictionary<string, int> InLatenessOrder(IEnumerable<(string Name, int Loans)> buckets)
    {
        var order = Domain.Servicing.DelinquencyBuckets.Default.All.Select((b, i) => (b.Name, i)).ToDictionary(b => b.Name, b => b.i, StringComparer.Ordinal);
        return buckets.OrderBy(b => order.GetValueOrDefault(b.Name, order.Count)).ThenBy(b => b.Name, StringComparer.Ordinal).ToDictionary(b => b.Name, b => b.Loans, StringComparer.Ordinal);
    }
}
