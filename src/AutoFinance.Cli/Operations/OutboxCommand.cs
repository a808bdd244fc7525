using System.CommandLine;
using System.Globalization;
using AutoFinance.Cli.Common;
using AutoFinance.Infrastructure.Messaging;

namespace AutoFinance.Cli.Operations;

/// <summary>
/// <c>autofinance outbox undelivered</c> lists, by channel, the messages the platform gave up on after their retries;
/// <c>autofinance outbox resend --channel sms</c> queues again those still worth sending (audited as the operator),
/// for the platform's dispatcher to deliver: what the jobs page offers, for an operator at the server after an outage.
/// </summary>
public static class OutboxCommand
{
    public static Command Create(CliContext context)
    {
        var provider = new Option<string?>("--database") { Description = "sqlite (default) or postgresql." };
        var connection = new Option<string?>("--connection") { Description = "Connection string (default Data Source=data/autofinance.db)." };
        var keys = CliDatabase.KeysOption();
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var channel = new Option<string>("--channel") { Description = $"The channel to send again: {string.Join(" or ", UndeliveredMessages.Channels)}.", Required = true };

        var undelivered = new Command("undelivered", "Messages given up on after their retries, by channel: how many, how many are still worth sending, the latest error.")
        {
            provider, connection, keys, json,
        };
        undelivered.SetAction(async (parsed, ct) =>
        {
            var db = CliDatabase.Open(parsed.GetValue(provider), parsed.GetValue(connection), readOnly: true, CliDatabase.Keys(parsed.GetValue(keys)));
            await using (db.ConfigureAwait(false))
            {
                var channels = await OnDatabase(() => new UndeliveredMessages(db, context.Clock).ListAsync(ct)).ConfigureAwait(false);
                if (parsed.GetValue(json))
                {
                    return context.WriteJson(channels);
                }

                foreach (var c in channels)
                {
                    context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{c.Channel,-6} {c.Failed,7} undelivered, {c.WorthResending,7} worth sending again; last tried {(c.LastTriedAt is { } at ? at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-")}; {c.LastError ?? "-"}"));
                }

                return CliApp.Ok;
            }
        });

        var resend = new Command("resend", "Queue a channel's undelivered messages still worth sending (servicing ones, reminders written in the last day; offers never) for the platform to deliver.")
        {
            channel, provider, connection, keys, json,
        };
        resend.SetAction(async (parsed, ct) =>
        {
            var name = parsed.GetValue(channel)!.Trim().ToLowerInvariant();
            if (!UndeliveredMessages.Channels.Contains(name))
            {
                throw new BadInputException($"--channel: must be {string.Join(" or ", UndeliveredMessages.Channels)}");
            }

            var db = CliDatabase.Open(parsed.GetValue(provider), parsed.GetValue(connection), readOnly: false, CliDatabase.Keys(parsed.GetValue(keys)));
            await using (db.ConfigureAwait(false))
            {
                var resent = await OnDatabase(() => new UndeliveredMessages(db, context.Clock).ResendAsync("operator", name, ct)).ConfigureAwait(false) ?? 0;
                if (parsed.GetValue(json))
                {
                    return context.WriteJson(new { channel = name, resent });
                }

                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{resent} {name} messages queued to be sent again"));
                return CliApp.Ok;
            }
        });

        return new Command("outbox", "The messages the platform gave up on, and sending them again.") { undelivered, resend };
    }

    /// <summary>A database that cannot be read (not a database, not the platform's, unreachable) is the connection's fault, told in one line.</summary>
    private static async Task<T> OnDatabase<T>(Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            throw new BadInputException($"--connection: cannot read the outbox: {e.Message.ReplaceLineEndings(" ")}");
        }
    }
}
