using System.CommandLine;
using System.Globalization;
using AutoFinance.Cli.Common;
using AutoFinance.Infrastructure.CustomerIntelligence;
using Spectre.Console;

namespace AutoFinance.Cli.Insight;

/// <summary>
/// <c>autofinance insight refresh</c>: recomputes every customer's tags (with history), segment, RFM, lifetime value,
/// lifecycle stage and churn risk from the platform's own data, as <c>POST /api/v1/insight/refresh</c> does — for a
/// nightly schedule outside the web host.
/// </summary>
public static class InsightCommand
{
    public static Command Create(CliContext context)
    {
        var provider = new Option<string?>("--database") { Description = "sqlite (default) or postgresql." };
        var connection = new Option<string?>("--connection") { Description = "Connection string (default Data Source=data/autofinance.db)." };
        var keys = CliDatabase.KeysOption();
        var marketRate = new Option<string?>("--market-rate") { Description = "Today's annual rate for a comparable new car loan, in percent (default 3)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var refresh = new Command("refresh", "Recompute tags, segments, RFM, lifetime value, lifecycle and churn risk.") { provider, connection, keys, marketRate, json };
        refresh.SetAction(async (parsed, ct) =>
        {
            var input = new InputReader();
            var rate = input.Decimal("market-rate", parsed.GetValue(marketRate));
            if (rate is < 0m or > 50m)
            {
                input.Add(new("market-rate", "must be between 0 and 50 (percent)"));
            }

            input.ThrowIfAny();
            var options = rate is { } r ? new InsightOptions { MarketRate = r / 100m } : new InsightOptions();
            CliDatabase.CheckDatabase(parsed.GetValue(provider), parsed.GetValue(connection));
            var auditKeys = CliDatabase.Keys(parsed.GetValue(keys));
            var db = CliDatabase.Open(parsed.GetValue(provider), parsed.GetValue(connection), readOnly: false, auditKeys);
            await using (db.ConfigureAwait(false))
            {
                InsightRefresh.RefreshResult result;
                try
                {
                    result = await new InsightRefresh(db, options, context.Clock).RunAsync("cli:insight-refresh", ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
                {
                    throw new BadInputException($"--connection: cannot refresh: {e.Message}");
                }

                if (parsed.GetValue(json))
                {
                    return context.WriteJson(result);
                }

                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"insight refresh {result.RanAt:yyyy-MM-dd HH:mm:ss}Z: {result.Customers} customers, {result.SegmentCount ?? 0} segments, {result.AtRisk} at risk, tags +{result.TagsAdded} -{result.TagsRemoved} in {result.Seconds:F3} s"));
                var segments = new Table().AddColumns("segment", "name", "customers", "share");
                foreach (var s in result.Segments)
                {
                    segments.AddRow(s.Number.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Name), s.Size.ToString(CultureInfo.InvariantCulture), s.Share.ToString("P1", CultureInfo.InvariantCulture));
                }

                context.Console.Write(segments);
                var c = result.Churn;
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"churn model trained on {c.TrainedOn} ({c.Why}); held out from {c.Cutoff:yyyy-MM-dd}: precision {c.Precision:F3}, recall {c.Recall:F3}, F1 {c.F1:F3}, AUC {c.Auc:F3} at threshold {c.Threshold:F2}"));
                return CliApp.Ok;
            }
        });
        return new Command("insight", "Customer intelligence jobs.") { refresh };
    }
}
