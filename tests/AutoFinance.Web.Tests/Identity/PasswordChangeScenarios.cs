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
/// A signed-in user changes their password: the current one is asked again, the new one meets the policy, every other
/// session ends at once while the one that asked stays, the old password no longer signs in, and wrong current
/// passwords count towards the account's sign-in lock.
/// </summary>
public abstract class PasswordChangeScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture, IClockedPlatform
{
    private const string NewPassword = "long-enough-password-2";

    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task A_changed_password_signs_out_other_devices_and_the_old_one_stops_working()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var mobile = await RegisteredCustomerAsync("Password Changer");
        using var phone = await platform.SignedIn(mobile);
        using var laptop = await platform.SignedIn(mobile);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/v1/loans")).StatusCode);

        var missing = await phone.PostAsync("/api/v1/auth/password", new StringContent("""{"currentPassword": ""}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("currentPassword", out _));
        Assert.True(errors.TryGetProperty("newPassword", out _));

        Assert.Equal(("currentPassword", "password.wrong"), await FieldProblemAsync(await ChangeAsync(phone, "not-the-password-1", NewPassword)));
        Assert.Equal(("newPassword", "password.mobile"), await FieldProblemAsync(await ChangeAsync(phone, DemoData.Password, "mine-" + mobile)));
        Assert.Equal(("newPassword", "password.length"), await FieldProblemAsync(await ChangeAsync(phone, DemoData.Password, "short")));
        Assert.Equal(("newPassword", "password.same"), await FieldProblemAsync(await ChangeAsync(phone, DemoData.Password, DemoData.Password)));
        // Nothing was changed by the refused attempts: both devices are still signed in.
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/v1/loans")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync(phone, DemoData.Password, NewPassword)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/v1/loans")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/v1/loans")).StatusCode);
        using var anonymous = platform.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(anonymous, mobile, DemoData.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(anonymous, mobile, NewPassword)).StatusCode);

        await using var scope = platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var changed = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "auth.password-changed").ToListAsync();
        Assert.Contains(changed, e => e.DataJson.Contains("\"sessionsEnded\":1", StringComparison.Ordinal));
        Assert.DoesNotContain(changed, e => e.DataJson.Contains(NewPassword, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Guessing_the_current_password_locks_the_account_like_failed_sign_ins()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var mobile = await RegisteredCustomerAsync("Left Signed In");
        using var session = await platform.SignedIn(mobile);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await ChangeAsync(session, "guess-number-" + i, NewPassword)).StatusCode);
        }

        var fifth = await ChangeAsync(session, "guess-number-5", NewPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Equal("auth.locked", (await fifth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.True(fifth.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // Locked: the right current password is refused too, and so is signing in, until the lock ends.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ChangeAsync(session, DemoData.Password, NewPassword)).StatusCode);
        using var anonymous = platform.Anonymous();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(anonymous, mobile, DemoData.Password)).StatusCode);
        platform.Clock.Now += TimeSpan.FromSeconds(61);
        Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync(session, DemoData.Password, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(anonymous, mobile, NewPassword)).StatusCode);
    }

    [SkippableFact]
    public async Task A_dealer_key_has_no_password_to_change()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        var answer = await ChangeAsync(dealer, DemoData.Password, NewPassword);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("auth.no-session", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var logout = await dealer.PostAsync("/api/v1/auth/logout", null);
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal("auth.no-session", (await logout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        using var anonymous = platform.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await ChangeAsync(anonymous, DemoData.Password, NewPassword)).StatusCode);
    }

    private async Task<string> RegisteredCustomerAsync(string name)
    {
        // Codes are throttled per client; a fresh minute keeps this registration clear of other tests' asks.
        platform.Clock.Now += TimeSpan.FromMinutes(2);
        using var anonymous = platform.Anonymous();
        var mobile = Registration.FreshMobile();
        Assert.Equal(HttpStatusCode.Created, (await Registration.RegisterAsync(anonymous, mobile, DemoData.Password, name)).StatusCode);
        return mobile;
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string currentPassword, string newPassword) =>
        client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword, newPassword });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });

    private static async Task<(string Field, string? Code)> FieldProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("errors").EnumerateObject().Single().Name, body.GetProperty("code").GetString());
    }
}

public sealed class PasswordChangeOnSqlite(ClockedPlatform platform) : PasswordChangeScenarios<ClockedPlatform>(platform);

public sealed class PasswordChangeOnPostgres(ClockedPostgresPlatform platform) : PasswordChangeScenarios<ClockedPostgresPlatform>(platform);
