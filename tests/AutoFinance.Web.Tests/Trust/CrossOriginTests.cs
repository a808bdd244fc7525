using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web.Security;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>
/// Cross-site request forgery: a foreign page can make a signed-in manager's browser post to the API with the session
/// cookie, but not choose the Origin or Sec-Fetch-Site the browser sends. Such a request is refused and changes
/// nothing; the same request from this site works; bearer tokens and API keys are not affected.
/// </summary>
public sealed class CrossOriginTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task A_foreign_form_post_with_only_the_session_cookie_is_refused_and_approves_nothing()
    {
        var approval = await PendingApproval();
        using var browser = CookieBrowser(await Token("manager"));

        using var forged = FormPost($"/api/v1/approvals/{approval}/approve", ("Origin", "https://evil.example"));
        using var refused = await browser.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(CrossOriginGuard.Code, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("pending", await Status(approval));

        using var genuine = FormPost($"/api/v1/approvals/{approval}/approve", ("Origin", Origin));
        using var approved = await browser.SendAsync(genuine);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", await Status(approval));
    }

    [Fact]
    public async Task Without_an_origin_a_cookie_post_needs_the_browser_to_say_same_origin()
    {
        using var browser = CookieBrowser(await Token("manager"));

        var bare = await PendingApproval();
        using (var response = await browser.SendAsync(FormPost($"/api/v1/approvals/{bare}/reject")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using (var response = await browser.SendAsync(FormPost($"/api/v1/approvals/{bare}/reject", ("Sec-Fetch-Site", "cross-site"))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using (var response = await browser.SendAsync(FormPost($"/api/v1/approvals/{bare}/reject", ("Sec-Fetch-Site", "same-site"), ("Origin", Origin))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using (var response = await browser.SendAsync(FormPost($"/api/v1/approvals/{bare}/reject", ("Origin", "null"))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal("pending", await Status(bare));
        using (var response = await browser.SendAsync(FormPost($"/api/v1/approvals/{bare}/reject", ("Sec-Fetch-Site", "same-origin"))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal("rejected", await Status(bare));
    }

    [Fact]
    public async Task Reading_with_the_cookie_from_anywhere_still_works()
    {
        using var browser = CookieBrowser(await Token("manager"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/approvals?status=pending");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Bearer_tokens_and_api_keys_are_not_checked_for_origin()
    {
        var approval = await PendingApproval();
        using var manager = await platform.SignedIn("manager");
        using var byToken = FormPost($"/api/v1/approvals/{approval}/approve", ("Origin", "https://evil.example"));
        using (var response = await manager.SendAsync(byToken))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var dealer = platform.Dealer(DemoData.DealerKey);
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(Origination.Applications.Prime()) };
        submit.Headers.Add("Origin", "https://evil.example");
        using var submitted = await dealer.SendAsync(submit);
        Assert.True(submitted.IsSuccessStatusCode, $"{(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
    }

    private string Origin => platform.BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>A browser of a signed-in user: it sends the session cookie and nothing else that signs it in.</summary>
    private HttpClient CookieBrowser(string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = platform.BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", $"af_session={token}");
        return client;
    }

    private static HttpRequestMessage FormPost(string path, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([new("confirm", "yes"), new("reason", "asked twice by mistake")]) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private async Task<string> Token(string userName)
    {
        using var anonymous = platform.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoData.Password });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private Task<Guid> PendingApproval() => PendingApprovals.Create(platform, "cross-origin test");

    private Task<string> Status(Guid approval) => PendingApprovals.Status(platform, approval);
}
