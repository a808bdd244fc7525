using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Web.Tests.Servicing;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>A session unused for the idle timeout ends (the API answers 401, the pages ask to sign in); revoking a dealer's key ends its people's sessions.</summary>
public abstract class IdleSessions<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture, IClockedPlatform
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    [SkippableFact]
    public async Task A_staff_session_unused_for_30_minutes_is_refused_and_one_in_use_lives_on()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var underwriter = await platform.SignedIn("underwriter");
        var start = platform.Clock.Now;
        try
        {
            platform.Clock.Now = start + Idle - TimeSpan.FromMinutes(2);
            Assert.Equal(HttpStatusCode.OK, await Status(underwriter));
            // 56 minutes after sign-in, but only 28 after its last use.
            platform.Clock.Now = start + (Idle * 2) - TimeSpan.FromMinutes(4);
            Assert.Equal(HttpStatusCode.OK, await Status(underwriter));

            platform.Clock.Now += Idle + TimeSpan.FromSeconds(1);
            Assert.Equal(HttpStatusCode.Unauthorized, await Status(underwriter));
            // Using it again does not bring it back.
            platform.Clock.Now += TimeSpan.FromSeconds(1);
            Assert.Equal(HttpStatusCode.Unauthorized, await Status(underwriter));
        }
        finally
        {
            platform.Clock.Now = start;
        }
    }

    [SkippableFact]
    public async Task A_customer_session_unused_for_30_minutes_is_refused()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var customer = await platform.SignedIn(TrustWorld.CustomerBUserName);
        var start = platform.Clock.Now;
        try
        {
            platform.Clock.Now = start + Idle - TimeSpan.FromMinutes(2);
            Assert.Equal(HttpStatusCode.OK, await Status(customer));
            platform.Clock.Now += Idle + TimeSpan.FromSeconds(1);
            Assert.Equal(HttpStatusCode.Unauthorized, await Status(customer));
        }
        finally
        {
            platform.Clock.Now = start;
        }
    }

    [SkippableFact]
    public async Task A_page_with_an_idle_session_sends_the_reader_to_sign_in()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        var token = await Token("collector");
        using var browser = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = platform.BaseAddress };
        browser.DefaultRequestHeaders.Add("Cookie", $"af_session={token}");
        var start = platform.Clock.Now;
        try
        {
            using (var fresh = await browser.GetAsync(new Uri("/collections", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
            }

            platform.Clock.Now = start + Idle + TimeSpan.FromSeconds(1);
            using var idle = await browser.GetAsync(new Uri("/collections", UriKind.Relative));
            Assert.True(idle.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"{(int)idle.StatusCode}");
            var location = idle.Headers.Location!;
            Assert.Equal("/signin", (location.IsAbsoluteUri ? location : new Uri(platform.BaseAddress, location)).AbsolutePath);
        }
        finally
        {
            platform.Clock.Now = start;
        }
    }

    [SkippableFact]
    public async Task Revoking_a_dealers_api_key_ends_every_session_of_its_web_users_and_only_theirs()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var desk = await platform.SignedIn("dealer");
        using var secondDesk = await platform.SignedIn("dealer");
        using var underwriter = await platform.SignedIn("underwriter");
        using var admin = await platform.SignedIn("admin");
        Assert.Equal(HttpStatusCode.OK, await Status(desk));
        var dealers = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/dealers");
        var dealerId = dealers.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "DLR-001").GetProperty("dealerId").GetGuid();

        using var revoked = await admin.DeleteAsync(new Uri($"/api/v1/admin/dealers/{dealerId}/api-key", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Status(desk));
        Assert.Equal(HttpStatusCode.Unauthorized, await Status(secondDesk));
        Assert.Equal(HttpStatusCode.OK, await Status(underwriter));
        Assert.Equal(HttpStatusCode.OK, await Status(admin));
    }

    private static async Task<HttpStatusCode> Status(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/applications", UriKind.Relative));
        return response.StatusCode;
    }

    private async Task<string> Token(string userName)
    {
        using var anonymous = platform.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Infrastructure.Seeding.DemoData.Password });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}

public sealed class IdleSessionsOnSqlite(ClockedPlatform platform) : IdleSessions<ClockedPlatform>(platform);

public sealed class IdleSessionsOnPostgres(ClockedPostgresPlatform platform) : IdleSessions<ClockedPostgresPlatform>(platform);
