using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Web.Tests.Servicing;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>
/// A session just used is kept for a moment so the next requests need not look it up; ending it still takes effect
/// at once. The clock stands still here, so every use after the first is answered from what was kept.
/// </summary>
public sealed class SessionCacheTests(ClockedPlatform platform) : IClassFixture<ClockedPlatform>
{
    [Fact]
    public async Task A_token_used_a_moment_ago_is_refused_at_once_when_an_administrator_ends_its_sessions()
    {
        using var underwriter = await platform.SignedIn("underwriter");
        using var admin = await platform.SignedIn("admin");
        Assert.Equal(HttpStatusCode.OK, await Status(underwriter));
        Assert.Equal(HttpStatusCode.OK, await Status(underwriter));
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users");
        var userId = users.EnumerateArray().First(u => u.GetProperty("userName").GetString() == "underwriter").GetProperty("userId").GetGuid();

        using var revoked = await admin.DeleteAsync(new Uri($"/api/v1/admin/users/{userId}/sessions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Status(underwriter));
        Assert.Equal(HttpStatusCode.OK, await Status(admin));
    }

    [Fact]
    public async Task A_token_used_a_moment_ago_is_refused_at_once_after_signing_out()
    {
        using var first = await platform.SignedIn("underwriter");
        using var other = await platform.SignedIn("underwriter");
        Assert.Equal(HttpStatusCode.OK, await Status(first));
        Assert.Equal(HttpStatusCode.OK, await Status(other));

        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync("/api/v1/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await Status(first));
        Assert.Equal(HttpStatusCode.OK, await Status(other));
    }

    [Fact]
    public void A_kept_session_is_served_neither_at_its_idle_deadline_nor_after_it_was_forgotten()
    {
        var cache = new SessionCache();
        var now = DateTimeOffset.UnixEpoch.AddDays(20_000);
        var actor = new Application.Security.Actor("underwriter", Guid.NewGuid(), null, null, "Underwriter");
        cache.Set("ending", new SessionCache.Entry(actor, now.AddMinutes(-40), now.AddSeconds(2), now, cache.Generation));
        cache.Set("kept", new SessionCache.Entry(actor, now, now.AddMinutes(30), now, cache.Generation));
        var readBefore = cache.Generation;

        Assert.True(cache.TryGet("ending", now.AddSeconds(1), out _));
        Assert.False(cache.TryGet("ending", now.AddSeconds(2), out _));
        Assert.True(cache.TryGet("kept", now.AddSeconds(1), out var kept));
        Assert.Same(actor, kept!.Actor);
        Assert.False(cache.TryGet("kept", now + SessionCache.Lifetime, out _));

        cache.Forget();
        Assert.False(cache.TryGet("kept", now.AddSeconds(1), out _));
        // A session read before the change was stored is not served after it.
        cache.Set("kept", new SessionCache.Entry(actor, now, now.AddMinutes(30), now, readBefore));
        Assert.False(cache.TryGet("kept", now.AddSeconds(1), out _));
    }

    private static async Task<HttpStatusCode> Status(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/applications", UriKind.Relative));
        return response.StatusCode;
    }
}
