using AutoFinance.Cli.Bench;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Cli.Tests.Operations;

/// <summary>
/// An operator at the server after an SMS outage: <c>outbox undelivered</c> lists what was given up on, <c>outbox
/// resend</c> queues again what is worth it (a receipt, not an offer), and the resend joins the audit chain intact.
/// </summary>
public sealed class OutboxCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("autofinance-outbox-").FullName;

    private string Connection => $"Data Source={Path.Combine(_directory, "af.db")}";

    private string Keys => Path.Combine(_directory, "keys");

    [Fact]
    public async Task An_operator_lists_the_texts_given_up_on_and_sends_the_ones_worth_it_again()
    {
        _ = AuditKeys.FromDirectory(Keys);
        var now = DateTimeOffset.UtcNow;
        Guid receipt, offer;
        await using (var db = CobBenchmark.Open("sqlite", Connection))
        {
            await db.Database.MigrateAsync();
            receipt = GaveUpOn(db, "servicing", now.AddDays(-3));
            offer = GaveUpOn(db, "marketing", now.AddHours(-1));
            await db.SaveChangesAsync();
        }

        var listed = CliRunner.Run("outbox", "undelivered", "--connection", Connection, "--keys", Keys, "--json");
        Assert.Equal(0, listed.ExitCode);
        var sms = listed.Json.EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "sms");
        Assert.Equal((2, 1), (sms.GetProperty("failed").GetInt32(), sms.GetProperty("worthResending").GetInt32()));

        var refused = CliRunner.Run("outbox", "resend", "--channel", "fax", "--connection", Connection, "--keys", Keys);
        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith("error: --channel:", refused.Error, StringComparison.Ordinal);

        var resent = CliRunner.Run("outbox", "resend", "--channel", "sms", "--connection", Connection, "--keys", Keys);
        Assert.Equal(0, resent.ExitCode);
        Assert.Equal("1 sms messages queued to be sent again", resent.Output.Trim());
        await using (var db = CobBenchmark.Open("sqlite", Connection))
        {
            var rows = await db.Outbox.AsNoTracking().ToDictionaryAsync(m => m.Id);
            Assert.Equal((OutboxStatus.Pending, 0), (rows[receipt].Status, rows[receipt].Attempts));
            Assert.Equal(OutboxStatus.Failed, rows[offer].Status);
            Assert.Equal("operator", (await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "outbox.resent")).Actor);
        }

        var verified = CliRunner.Run("audit", "verify", "--connection", Connection, "--keys", Keys);
        Assert.Equal(0, verified.ExitCode);
    }

    private static Guid GaveUpOn(Infrastructure.Persistence.AutoFinanceDbContext db, string purpose, DateTimeOffset writtenAt)
    {
        var id = Guid.NewGuid();
        db.Outbox.Add(new OutboxMessageRow
        {
            Id = id,
            DedupeKey = $"cli:{id}",
            Channel = "sms",
            Language = "zh-CN",
            Template = "payment.received",
            Purpose = purpose,
            Body = "【AutoFinance】您的还款已到账。",
            Status = OutboxStatus.Failed,
            Attempts = Infrastructure.Messaging.OutboxDispatcher.MaxAttempts,
            CreatedAt = writtenAt,
            NextAttemptAt = writtenAt.AddHours(1),
            LastError = "HTTP 503 gateway busy",
        });
        return id;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
