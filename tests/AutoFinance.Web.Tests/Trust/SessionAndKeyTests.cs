using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web.Tests.Servicing;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>Sessions end on sign-out, at expiry and when an administrator ends them; dealer keys are revoked and replaced.</summary>
public sealed class SessionAndKeyTests(ClockedPlatform platform) : IClassFixture<ClockedPlatform>
{
    [Fact]
    public async Task Signing_out_revokes_the_token_at_once()
    {
        using var customer = await NewCustomer();
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(new Uri("/api/v1/loans", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await customer.PostAsync("/api/v1/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.GetAsync(new Uri("/api/v1/loans", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.PostAsync("/api/v1/auth/logout", null)).StatusCode);
    }

    [Fact]
    public async Task A_session_expires_after_its_lifetime_even_when_kept_busy()
    {
        using var customer = await NewCustomer();
        var start = platform.Clock.Now;
        try
        {
            // Used every 20 minutes, well inside the idle timeout, up to the last second of its lifetime.
            for (var at = TimeSpan.FromMinutes(20); at < AccountService.SessionLifetime; at += TimeSpan.FromMinutes(20))
            {
                platform.Clock.Now = start + at;
                Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(new Uri("/api/v1/loans", UriKind.Relative))).StatusCode);
            }

            platform.Clock.Now = start + AccountService.SessionLifetime - TimeSpan.FromSeconds(1);
            Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(new Uri("/api/v1/loans", UriKind.Relative))).StatusCode);
            platform.Clock.Now = start + AccountService.SessionLifetime + TimeSpan.FromSeconds(1);
            Assert.Equal(HttpStatusCode.Unauthorized, (await customer.GetAsync(new Uri("/api/v1/loans", UriKind.Relative))).StatusCode);
        }
        finally
        {
            platform.Clock.Now = start;
        }
    }

    [Fact]
    public async Task An_administrator_ends_every_session_of_a_user_and_only_theirs()
    {
        var (phone, userId) = await Register();
        using var laptop = await platform.SignedIn(phone, "customer-password-1");
        using var mobile = await platform.SignedIn(phone, "customer-password-1");
        using var bystander = await NewCustomer();
        using var admin = await platform.SignedIn("admin");
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users")).EnumerateArray().Single(u => u.GetProperty("userId").GetGuid() == userId);
        Assert.Equal(2, listed.GetProperty("openSessions").GetInt32());
        Assert.DoesNotContain(phone, listed.GetProperty("userName").GetString(), StringComparison.Ordinal);

        var revoked = await admin.DeleteAsync(new Uri($"/api/v1/admin/users/{userId}/sessions", UriKind.Relative));

        Assert.Equal(2, (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revoked").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync(new Uri("/api/v1/loans", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await mobile.GetAsync(new Uri("/api/v1/loans", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bystander.GetAsync(new Uri("/api/v1/loans", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(new Uri($"/api/v1/admin/users/{Guid.NewGuid()}/sessions", UriKind.Relative))).StatusCode);
        // Signing in again works: ending sessions is not locking the account.
        (await platform.SignedIn(phone, "customer-password-1")).Dispose();
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit/verify");
        Assert.True(audit.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task A_revoked_dealer_key_stops_at_once_and_a_replacement_works_in_its_place()
    {
        using var admin = await platform.SignedIn("admin");
        var dealers = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/dealers");
        var second = dealers.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "DLR-002");
        var dealerId = second.GetProperty("dealerId").GetGuid();
        Assert.Equal("active", second.GetProperty("apiKey").GetString());
        using var oldKey = platform.Dealer(DemoData.SecondDealerKey);
        Assert.Equal(HttpStatusCode.OK, (await oldKey.GetAsync(new Uri("/api/v1/applications", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/v1/admin/dealers/{dealerId}/api-key", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldKey.GetAsync(new Uri("/api/v1/applications", UriKind.Relative))).StatusCode);

        var issued = await admin.PostAsJsonAsync($"/api/v1/admin/dealers/{dealerId}/api-key", new { validDays = 30 });
        var key = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        using var newKey = platform.Dealer(key);
        Assert.Equal(HttpStatusCode.OK, (await newKey.GetAsync(new Uri("/api/v1/applications", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldKey.GetAsync(new Uri("/api/v1/applications", UriKind.Relative))).StatusCode);

        // The new key expires after its 30 days.
        var start = platform.Clock.Now;
        try
        {
            platform.Clock.Now = start.AddDays(31);
            Assert.Equal(HttpStatusCode.Unauthorized, (await newKey.GetAsync(new Uri("/api/v1/applications", UriKind.Relative))).StatusCode);
        }
        finally
        {
            platform.Clock.Now = start;
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/admin/dealers/{dealerId}/api-key", new { validDays = 0 })).StatusCode);
    }

    [Fact]
    public async Task An_api_key_has_no_session_to_sign_out_of()
    {
        using var dealer = platform.Dealer();
        Assert.Equal(HttpStatusCode.BadRequest, (await dealer.PostAsync("/api/v1/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dealer.GetAsync(new Uri("/api/v1/applications", UriKind.Relative))).StatusCode);
    }

    private async Task<(string Phone, Guid UserId)> Register()
    {
        var phone = Identity.Registration.FreshMobile();
        using var anonymous = platform.Anonymous();
        var response = await Identity.Registration.RegisterAsync(anonymous, phone, "customer-password-1", "Session Tester");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (phone, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid());
    }

    private async Task<HttpClient> NewCustomer()
    {
        var (phone, _) = await Register();
        return await platform.SignedIn(phone, "customer-password-1");
    }
}
