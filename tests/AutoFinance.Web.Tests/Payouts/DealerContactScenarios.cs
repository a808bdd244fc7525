using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing.Reminders;
using AutoFinance.Infrastructure.Messaging;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Payouts;

/// <summary>
/// A dealer's contact as an administrator keeps it (an e-mail and a language, each checked), and a failed payout told
/// to the dealer's finance desk by e-mail, at a real SMTP server, as well as in its inbox: in its language, once
/// however often the provider repeats the failure, and in the inbox only when it has no e-mail on file.
/// </summary>
public abstract class DealerContactScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture, IDealerMailPlatform
{
    /// <summary>The sandbox refuses payouts to an account ending 0009: the account is closed.</summary>
    private const string ClosedAccount = "6214830100220000009";

    private bool Skip => !platform.Available;

    [SkippableTheory]
    [InlineData("en", "payouts@shanghai-motors.example", "Payout did not go through: application {0}",
        "The payout of {1} to you for application {0} (contract {2}, customer ID ", "Why: The payee's account is closed.", "Ask the lender to change your settlement account")]
    [InlineData("zh-CN", "caiwu@shanghai-motors.example", "放款未成功：申请{0}",
        "申请{0}（合同{2}，客户证件", "付给您的{1}未成功。", "原因：收款账户已销户。", "请联系贷款机构更换结算账户")]
    public async Task A_dealer_hears_of_a_failed_payout_by_email_in_its_language_once(string language, string email, string subject, params string[] said)
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");
        await SetContactAsync(admin, email, language);

        var failed = await FailedPayoutAsync(admin);
        await DispatchAsync();
        var mail = Assert.Single(platform.Mail.To(email), m => (m.Subject ?? string.Empty).Contains(failed.Application, StringComparison.Ordinal));
        // The amount as the language writes it, to the cent: "CNY 1,234.50" or "1,234.50 元".
        var amount = ReminderFormat.Amount(failed.Amount, Currency.Cny, language);
        Assert.Matches(@"\d\.\d\d\b", amount);
        string Filled(string text) => string.Format(CultureInfo.InvariantCulture, text, failed.Application, amount, failed.Contract);
        Assert.Equal(Filled(subject), mail.Subject);
        Assert.All(said, line => Assert.Contains(Filled(line), mail.TextBody, StringComparison.Ordinal));
        Assert.Equal([("email", language), ("in-app", language)], await NoticesAsync(failed.PayoutId));

        // The provider says it again: neither the inbox nor the desk hears of it twice.
        await ResendFailureAsync(failed.Reference);
        await DispatchAsync();
        Assert.Single(platform.Mail.To(email), m => (m.Subject ?? string.Empty).Contains(failed.Application, StringComparison.Ordinal));
        Assert.Equal([("email", language), ("in-app", language)], await NoticesAsync(failed.PayoutId));
    }

    [SkippableFact]
    public async Task A_dealer_without_an_email_hears_of_a_failed_payout_in_its_inbox_only()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");
        await SetContactAsync(admin, " ", "en");

        var failed = await FailedPayoutAsync(admin);
        await DispatchAsync();
        Assert.Equal([("in-app", "en")], await NoticesAsync(failed.PayoutId));
        Assert.DoesNotContain(platform.Mail.Messages, m => (m.Subject ?? string.Empty).Contains(failed.Application, StringComparison.Ordinal));
        using var dealer = platform.Dealer(DemoData.SecondDealerKey);
        var inbox = await dealer.GetFromJsonAsync<JsonElement>("/api/v1/messages?pageSize=500");
        Assert.Single(inbox.EnumerateArray(), m => m.GetProperty("body").GetString()!.StartsWith($"Payout did not go through: application {failed.Application}\n", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task An_admin_adds_a_dealer_with_its_email_and_language_and_its_key_works()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");
        using var added = await admin.PostAsJsonAsync("/api/v1/admin/dealers", new { code = "dlr-310", name = "Suzhou Auto Park", city = "Suzhou", email = " Finance@Suzhou-AutoPark.example ", language = "en" });
        var answer = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(added.StatusCode == HttpStatusCode.Created, answer.ToString());
        var dealer = answer.GetProperty("dealer");
        Assert.Equal(("DLR-310", "Finance@suzhou-autopark.example", "en"), (dealer.GetProperty("code").GetString(), dealer.GetProperty("email").GetString(), dealer.GetProperty("language").GetString()));

        using var withKey = platform.Dealer(answer.GetProperty("apiKey").GetString()!);
        using var applications = await withKey.GetAsync("/api/v1/applications");
        Assert.Equal(HttpStatusCode.OK, applications.StatusCode);

        using var changed = await admin.PutAsJsonAsync($"/api/v1/admin/dealers/{dealer.GetProperty("dealerId").GetString()}/contact", new { email = "", language = "zh-CN" });
        var after = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(changed.StatusCode == HttpStatusCode.OK, after.ToString());
        Assert.Equal((JsonValueKind.Null, "zh-CN"), (after.GetProperty("email").ValueKind, after.GetProperty("language").GetString()));
    }

    [SkippableTheory]
    [InlineData("en", "is not an e-mail address", "must be zh-CN or en", "must be 2 to 20 capital letters, digits and hyphens, starting with a letter or digit", "DLR-001 is another dealer's code")]
    [InlineData("zh-CN", "不是有效的电子邮箱", "请选择中文或英文", "经销商代码须为 2 至 20 位大写字母、数字或连字符，以字母或数字开头", "代码 DLR-001 已被另一家经销商使用")]
    public async Task An_admin_is_told_in_their_language_what_is_wrong_with_a_dealers_contact(string language, string notAnEmail, string notALanguage, string badCode, string codeTaken)
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var bad = await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/admin/dealers", new { code = "dl 9", name = "", city = "Suzhou", email = "finance-at-dealer.example", language = "fr" }));
        Assert.Equal([("code", "dealer.code.format"), ("name", "field.required"), ("email", "email.format"), ("language", "field.language")], Coded(bad));
        Assert.Equal(badCode, Said(bad, "code"));
        Assert.Equal(notAnEmail, Said(bad, "email"));
        Assert.Equal(notALanguage, Said(bad, "language"));

        var taken = await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/admin/dealers", new { code = "dlr-001", name = "Another Mall", city = "Beijing" }));
        Assert.Equal([("code", "dealer.code.taken")], Coded(taken));
        Assert.Equal("dealer.code.taken", taken.GetProperty("code").GetString());
        Assert.Equal(codeTaken, Said(taken, "code"));

        var dealerId = await PayoutJourneys.DealerIdAsync(platform, DemoData.DealerKey);
        var contact = await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/admin/dealers/{dealerId}/contact", new { email = "finance@bj-automall", language = "zh-CN" }));
        Assert.Equal([("email", "email.format")], Coded(contact));
        Assert.Equal(notAnEmail, Said(contact, "email"));
        await using var db = Db();
        Assert.Equal(DemoData.FirstDealerEmail, await db.Dealers.AsNoTracking().Where(d => d.Id == dealerId).Select(d => d.Email).SingleAsync());
    }

    /// <summary>A failed payout to the second demo dealer: the sandbox refuses it (account closed) as it is sent.</summary>
    private async Task<FailedPayout> FailedPayoutAsync(HttpClient admin)
    {
        using var manager = await platform.SignedIn("manager");
        using var underwriter = await platform.SignedIn("underwriter");
        var (contractId, _) = await PayoutJourneys.DisburseToSecondDealerAsync(platform, manager, admin, underwriter, ClosedAccount);
        var payout = Assert.Single((await Funding.SettledAsync(underwriter, contractId)).GetProperty("payouts").EnumerateArray());
        Assert.Equal("failed", payout.GetProperty("status").GetString());
        await using var db = Db();
        var references = await db.Contracts.AsNoTracking().Where(c => c.Id == Guid.Parse(contractId))
            .Join(db.Applications, c => c.ApplicationId, a => a.Id, (c, a) => new { Contract = c.Reference, Application = a.Reference }).SingleAsync();
        return new FailedPayout(payout.GetProperty("payoutId").GetString()!, payout.GetProperty("reference").GetString()!, payout.GetProperty("amount").GetDecimal(), references.Application, references.Contract);
    }

    private sealed record FailedPayout(string PayoutId, string Reference, decimal Amount, string Application, string Contract);

    private static async Task SetContactAsync(HttpClient admin, string email, string language)
    {
        var dealers = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/dealers?pageSize=200");
        var dealerId = dealers.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "DLR-002").GetProperty("dealerId").GetString();
        using var changed = await admin.PutAsJsonAsync($"/api/v1/admin/dealers/{dealerId}/contact", new { email, language });
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
    }

    private static async Task ResendFailureAsync(string reference)
    {
        using var sandbox = new HttpClient { BaseAddress = await TestSimulator.AddressAsync() };
        var events = await sandbox.GetFromJsonAsync<JsonElement>($"/payments/v1/sandbox/events?merchantReference={reference}");
        var failed = events.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "payout.failed");
        using var resent = await sandbox.PostAsync($"/payments/v1/sandbox/events/{failed.GetProperty("eventId").GetString()}/resend", null);
        Assert.True((await resent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledged").GetBoolean());
    }

    private async Task DispatchAsync()
    {
        using var scope = platform.App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(10_000, CancellationToken.None);
    }

    /// <summary>The notices of a payout, by channel, each with its language; sent by now.</summary>
    private async Task<(string Channel, string Language)[]> NoticesAsync(string payoutId)
    {
        await using var db = Db();
        var rows = await db.Outbox.AsNoTracking().Where(m => m.DedupeKey.Contains(payoutId)).ToListAsync();
        Assert.All(rows, r => Assert.Equal(Infrastructure.Servicing.OutboxStatus.Sent, r.Status));
        return [.. rows.Select(r => (r.Channel, r.Language)).Order()];
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    private static (string Field, string Code)[] Coded(JsonElement problem) =>
        [.. problem.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("field").GetString()!, p.GetProperty("code").GetString()!))];

    private static string Said(JsonElement problem, string field) => Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString()!;

    private AutoFinanceDbContext Db() => platform.App.Services.CreateScope().ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
}

public sealed class DealerContactOnSqlite(DealerMailPlatform platform) : DealerContactScenarios<DealerMailPlatform>(platform);

public sealed class DealerContactOnPostgres(DealerMailPostgresPlatform platform) : DealerContactScenarios<DealerMailPostgresPlatform>(platform);
