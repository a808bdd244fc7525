using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Web.Tests.Notifications;
using AutoFinance.Web.Tests.Servicing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Operations;

/// <summary>
/// After a long SMS gateway outage the texts the dispatcher gave up on are listed for staff by channel, and an admin
/// sends them again once the gateway works: a receipt however old, a reminder of the last day, never an offer or a
/// stale reminder. The texts then reach the customer's phone through the gateway, and the resend is audited. A message
/// the dispatcher gives up on raises the day's staff alert (these platforms have no mail server, so e-mail fails).
/// </summary>
public abstract class UndeliveredMessageScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture, IClockedPlatform
{
    private const string LiNa = "13800138000";

    [SkippableFact]
    public async Task An_admin_sends_the_texts_still_worth_sending_again_once_the_gateway_works_and_they_reach_the_phone()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        var now = platform.Clock.Now;
        var marker = Guid.NewGuid().ToString("N")[..8];
        var customer = await CustomerOfAsync(LiNa);
        Guid receipt, freshReminder, staleReminder, offer, mail, lastTry;
        await using (var db = Db())
        {
            receipt = GaveUpOn(db, customer, "sms", "servicing", now.AddDays(-10), $"receipt {marker}");
            freshReminder = GaveUpOn(db, customer, "sms", "reminders", now.AddHours(-3), $"due soon {marker}");
            staleReminder = GaveUpOn(db, customer, "sms", "reminders", now.AddDays(-2), $"due in three days {marker}");
            offer = GaveUpOn(db, customer, "sms", "marketing", now.AddHours(-1), $"offer {marker}");
            mail = GaveUpOn(db, customer, "email", "servicing", now.AddHours(-5), $"statement {marker}");
            lastTry = GaveUpOn(db, customer, "email", "servicing", now.AddHours(-1), $"contract {marker}");
            var pending = db.Outbox.Local.Single(m => m.Id == lastTry);
            (pending.Status, pending.Attempts, pending.NextAttemptAt) = (OutboxStatus.Pending, Infrastructure.Messaging.OutboxDispatcher.MaxAttempts - 1, now);
            await db.SaveChangesAsync();
        }

        using var manager = await platform.SignedIn("manager");
        using var admin = await platform.SignedIn("admin");
        var channels = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/outbox/undelivered")).EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!);
        Assert.Equal(4, channels["sms"].GetProperty("failed").GetInt32());
        Assert.Equal(2, channels["sms"].GetProperty("worthResending").GetInt32());
        Assert.Equal("HTTP 503 gateway busy", channels["sms"].GetProperty("lastError").GetString());
        Assert.Equal(1, channels["email"].GetProperty("worthResending").GetInt32());

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/v1/outbox/undelivered/resend", new { channel = "sms" })).StatusCode);
        var unknown = await admin.PostAsJsonAsync("/api/v1/outbox/undelivered/resend", new { channel = "fax" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("outbox.channel.unknown", problem.GetProperty("code").GetString());
        Assert.Equal("channel", problem.GetProperty("errors").EnumerateObject().Single().Name);

        var resent = await admin.PostAsJsonAsync("/api/v1/outbox/undelivered/resend", new { channel = "sms" });
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(2, (await resent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resent").GetInt32());
        await using (var db = Db())
        {
            var rows = await db.Outbox.AsNoTracking().Where(m => new[] { receipt, freshReminder, staleReminder, offer, mail }.Contains(m.Id)).ToDictionaryAsync(m => m.Id);
            Assert.Equal((OutboxStatus.Pending, 0), (rows[receipt].Status, rows[receipt].Attempts));
            Assert.Equal((OutboxStatus.Pending, 0), (rows[freshReminder].Status, rows[freshReminder].Attempts));
            Assert.Equal(OutboxStatus.Failed, rows[staleReminder].Status);
            Assert.Equal(OutboxStatus.Failed, rows[offer].Status);
            Assert.Equal(OutboxStatus.Failed, rows[mail].Status);
            var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "outbox.resent" && e.EntityId == "sms").ToListAsync();
            var entry = Assert.Single(audit);
            Assert.StartsWith("admin:", entry.Actor, StringComparison.Ordinal);
            Assert.Contains("\"count\":2", entry.DataJson, StringComparison.Ordinal);
        }

        await Delivery.RunAsync(platform, platform.Clock);
        await using (var db = Db())
        {
            Assert.Equal(OutboxStatus.Failed, (await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == lastTry)).Status);
        }

        var alert = Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/v1/alerts")).EnumerateArray(), a => a.GetProperty("kind").GetString() == "outbox.undelivered");
        Assert.Equal("warning", alert.GetProperty("severity").GetString());
        // The alert's figure is the count given up on; its detail names it, language-neutral, for the pages to word.
        var givenUp = alert.GetProperty("figure").GetDouble();
        Assert.True(givenUp >= 1, $"{givenUp} messages given up on");
        Assert.Equal(FormattableString.Invariant($"failed={givenUp} attempts={Infrastructure.Messaging.OutboxDispatcher.MaxAttempts} day={Application.Servicing.BusinessDay.Today(platform.Clock):yyyy-MM-dd}"), alert.GetProperty("detail").GetString());
        var texts = (await Delivery.SmsToAsync(LiNa)).Select(t => t.Text).Where(t => t.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { $"due soon {marker}", $"receipt {marker}" }, texts.Order(StringComparer.Ordinal));
        var after = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/outbox/undelivered")).EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "sms");
        Assert.Equal(2, after.GetProperty("failed").GetInt32());
        Assert.Equal(0, after.GetProperty("worthResending").GetInt32());
        Assert.Equal(0, (await (await admin.PostAsJsonAsync("/api/v1/outbox/undelivered/resend", new { channel = "sms" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resent").GetInt32());
    }

    /// <summary>A message as the dispatcher leaves it after its last retry failed.</summary>
    private static Guid GaveUpOn(AutoFinanceDbContext db, Guid customerId, string channel, string purpose, DateTimeOffset writtenAt, string body)
    {
        var id = Guid.NewGuid();
        db.Outbox.Add(new OutboxMessageRow
        {
            Id = id,
            DedupeKey = $"test:{id}",
            CustomerId = customerId,
            Channel = channel,
            Language = "zh-CN",
            Template = "test.undelivered",
            Purpose = purpose,
            Subject = channel == "email" ? body : null,
            Body = body,
            Status = OutboxStatus.Failed,
            Attempts = Infrastructure.Messaging.OutboxDispatcher.MaxAttempts,
            CreatedAt = writtenAt,
            NextAttemptAt = writtenAt.AddMinutes(62),
            LastError = "HTTP 503 gateway busy",
        });
        return id;
    }

    private async Task<Guid> CustomerOfAsync(string mobile)
    {
        using var scope = platform.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var hash = scope.ServiceProvider.GetRequiredService<Infrastructure.Identity.AccountNames>().LookupHash(mobile);
        return await db.Users.AsNoTracking().Where(u => u.UserNameHash == hash).Select(u => u.CustomerId!.Value).FirstAsync();
    }

    private AutoFinanceDbContext Db() => platform.App.Services.CreateScope().ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
}

public sealed class UndeliveredMessagesOnSqlite(ClockedPlatform platform) : UndeliveredMessageScenarios<ClockedPlatform>(platform);

public sealed class UndeliveredMessagesOnPostgres(ClockedPostgresPlatform platform) : UndeliveredMessageScenarios<ClockedPostgresPlatform>(platform);
