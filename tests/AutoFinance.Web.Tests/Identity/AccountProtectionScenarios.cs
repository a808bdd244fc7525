using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web.Tests.Servicing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Identity;

/// <summary>
/// Registration proves the mobile with an SMS code and never tells a stranger which numbers are customers; codes
/// expire, allow five tries and are throttled; sign-in locks a name with back-off after repeated failures, audited;
/// common passwords are refused.
/// </summary>
public abstract class AccountProtectionScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture, IClockedPlatform
{
    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task Registration_proves_the_mobile_with_the_code_texted_to_it()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var anonymous = platform.Anonymous();
        var mobile = Registration.FreshMobile();

        var asked = await Registration.AskForCodeAsync(anonymous, mobile);
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var code = await Registration.LatestCodeAsync(mobile);
        Assert.NotNull(code);
        Assert.Matches("^[0-9]{6}$", code);

        var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { userName = mobile, password = DemoData.Password, displayName = "Code Tester", code = Other(code) });
        Assert.Equal("code.invalid", await ProblemCode(wrong));

        var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { userName = mobile, password = DemoData.Password, displayName = "Code Tester", code });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        (await platform.SignedIn(mobile, DemoData.Password)).Dispose();

        // A code is good once.
        var reused = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { userName = mobile, password = DemoData.Password, displayName = "Code Tester", code });
        Assert.Equal("code.invalid", await ProblemCode(reused));
    }

    [SkippableFact]
    public async Task Asking_for_a_code_for_a_registered_number_answers_the_same_and_texts_nothing()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var anonymous = platform.Anonymous();
        var customer = Registration.FreshMobile();
        Assert.Equal(HttpStatusCode.Created, (await Registration.RegisterAsync(anonymous, customer, DemoData.Password, "Registered")).StatusCode);
        platform.Clock.Now += TimeSpan.FromMinutes(2);
        var stranger = Registration.FreshMobile();

        var forCustomer = await Registration.AskForCodeAsync(anonymous, customer);
        var forStranger = await Registration.AskForCodeAsync(anonymous, stranger);

        Assert.Equal(forStranger.StatusCode, forCustomer.StatusCode);
        Assert.Equal(await forStranger.Content.ReadAsStringAsync(), await forCustomer.Content.ReadAsStringAsync());
        Assert.Single(await Registration.InboxAsync(customer));
        Assert.Single(await Registration.InboxAsync(stranger));

        // Registering the customer's number again fails as any wrong code does, never as "already registered".
        var again = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { userName = customer, password = DemoData.Password, displayName = "Someone Else", code = "123456" });
        Assert.Equal("code.invalid", await ProblemCode(again));
        Assert.DoesNotContain("taken", await again.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task A_code_expires_after_five_minutes()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var anonymous = platform.Anonymous();
        var mobile = Registration.FreshMobile();
        Assert.Equal(HttpStatusCode.Accepted, (await Registration.AskForCodeAsync(anonymous, mobile)).StatusCode);
        var code = await Registration.LatestCodeAsync(mobile);

        platform.Clock.Now += TimeSpan.FromMinutes(5);

        var late = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { userName = mobile, password = DemoData.Password, displayName = "Too Late", code });
        Assert.Equal("code.expired", await ProblemCode(late));
    }

    [SkippableFact]
    public async Task Five_wrong_tries_use_up_a_code_even_for_the_right_one_after()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var anonymous = platform.Anonymous();
        var mobile = Registration.FreshMobile();
        await Registration.AskForCodeAsync(anonymous, mobile);
        var code = (await Registration.LatestCodeAsync(mobile))!;

        var answers = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await ProblemCode(await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { userName = mobile, password = DemoData.Password, displayName = "Guesser", code = Other(code, i) })));
        }

        Assert.Equal(["code.invalid", "code.invalid", "code.invalid", "code.invalid", "code.attempts-exhausted"], answers);
        var right = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { userName = mobile, password = DemoData.Password, displayName = "Guesser", code });
        Assert.Equal("code.attempts-exhausted", await ProblemCode(right));
    }

    [SkippableFact]
    public async Task Codes_to_one_number_are_throttled_with_Retry_After()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var anonymous = platform.Anonymous();
        var mobile = Registration.FreshMobile();
        Assert.Equal(HttpStatusCode.Accepted, (await Registration.AskForCodeAsync(anonymous, mobile)).StatusCode);

        var soon = await Registration.AskForCodeAsync(anonymous, mobile);
        Assert.Equal(HttpStatusCode.TooManyRequests, soon.StatusCode);
        Assert.Equal("code.throttled", await ProblemCode(soon));
        Assert.True(soon.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // A minute apart, five in the hour; the sixth waits.
        for (var i = 1; i < 5; i++)
        {
            platform.Clock.Now += TimeSpan.FromSeconds(61);
            Assert.Equal(HttpStatusCode.Accepted, (await Registration.AskForCodeAsync(anonymous, mobile)).StatusCode);
        }

        platform.Clock.Now += TimeSpan.FromSeconds(61);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Registration.AskForCodeAsync(anonymous, mobile)).StatusCode);
        Assert.Equal(5, (await Registration.InboxAsync(mobile)).Count);
    }

    [SkippableFact]
    public async Task A_common_password_or_one_holding_the_mobile_is_refused()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var anonymous = platform.Anonymous();
        var mobile = Registration.FreshMobile();

        var common = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { userName = mobile, password = "qwertyuiop", displayName = "Weak", code = "123456" });
        var withMobile = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { userName = mobile, password = "my" + mobile, displayName = "Weak", code = "123456" });

        Assert.Equal(HttpStatusCode.BadRequest, common.StatusCode);
        Assert.Contains("commonly used", (await common.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("mobile", (await withMobile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Repeated_failed_sign_ins_lock_the_name_with_back_off_and_are_audited()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var anonymous = platform.Anonymous();
        var mobile = Registration.FreshMobile();
        Assert.Equal(HttpStatusCode.Created, (await Registration.RegisterAsync(anonymous, mobile, DemoData.Password, "Locked Out")).StatusCode);
        var unknown = Registration.FreshMobile();

        foreach (var name in new[] { mobile, unknown })
        {
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(anonymous, name, "wrong-password-" + i)).StatusCode);
            }

            // The fifth failure locks the name for a minute, whether or not an account has it.
            var fifth = await SignIn(anonymous, name, "wrong-password-5");
            Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
            Assert.Equal("auth.locked", await ProblemCode(fifth));
        }

        // Locked: even the right password is refused until the lock ends.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(anonymous, mobile, DemoData.Password)).StatusCode);
        platform.Clock.Now += TimeSpan.FromSeconds(61);

        // The next failure locks for twice as long.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(anonymous, mobile, "wrong-password-6")).StatusCode);
        platform.Clock.Now += TimeSpan.FromSeconds(61);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(anonymous, mobile, DemoData.Password)).StatusCode);
        platform.Clock.Now += TimeSpan.FromSeconds(61);
        Assert.Equal(HttpStatusCode.OK, (await SignIn(anonymous, mobile, DemoData.Password)).StatusCode);

        await using var scope = platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        Assert.True(await db.AuditEntries.CountAsync(e => e.Action == "auth.sign-in-failed") >= 11);
        Assert.True(await db.AuditEntries.CountAsync(e => e.Action == "auth.locked") >= 3);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.DataJson.Contains(mobile) || e.DataJson.Contains(unknown)));
    }

    [SkippableFact]
    public async Task Master_data_changes_only_by_the_customer_with_a_code_or_by_staff_with_a_reason()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var liNa = await platform.SignedIn("13800138000");
        using var agent = await platform.SignedIn("agent");
        await using var scope = platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var liNasHash = scope.ServiceProvider.GetRequiredService<AutoFinance.Infrastructure.Identity.AccountNames>().LookupHash("13800138000");
        var customerId = (await db.Users.AsNoTracking().SingleAsync(u => u.UserNameHash == liNasHash)).CustomerId!.Value.ToString();
        var newMobile = Registration.FreshMobile();

        Assert.Equal(HttpStatusCode.Accepted, (await liNa.PostAsJsonAsync("/api/v1/me/mobile/code", new { mobile = newMobile })).StatusCode);
        var wrong = await liNa.PutAsJsonAsync("/api/v1/me/mobile", new { mobile = newMobile, code = Other((await Registration.LatestCodeAsync(newMobile))!) });
        Assert.Equal("code.invalid", await ProblemCode(wrong));
        var changed = await liNa.PutAsJsonAsync("/api/v1/me/mobile", new { mobile = newMobile, code = await Registration.LatestCodeAsync(newMobile) });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        (await platform.SignedIn(newMobile)).Dispose();

        var withoutReason = await agent.PostAsJsonAsync($"/api/v1/customers/{customerId}/master-data", new { fullName = "Li Na", mobile = (string?)null, reason = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        var corrected = await agent.PostAsJsonAsync($"/api/v1/customers/{customerId}/master-data", new { fullName = "Li Na", mobile = (string?)null, reason = "name spelled as on the ID card" });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);

        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "customer.master-data-changed" && e.EntityId == customerId).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.Contains(entries, e => e.DataJson.Contains("name spelled as on the ID card", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.DataJson.Contains(newMobile, StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> SignIn(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });

    private static string Other(string code, int salt = 0) =>
        ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1 + salt) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string?> ProblemCode(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("code", out var code) ? code.GetString() : $"{(int)response.StatusCode} without a code";
    }
}

public sealed class AccountProtectionOnSqlite(ClockedPlatform platform) : AccountProtectionScenarios<ClockedPlatform>(platform);

public sealed class AccountProtectionOnPostgres(ClockedPostgresPlatform platform) : AccountProtectionScenarios<ClockedPostgresPlatform>(platform);
