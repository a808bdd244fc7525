using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web.Security;

namespace AutoFinance.Web.Tests.Hosting;

/// <summary>The platform as it starts in Production with no operational settings: no trusted proxies, no docs, metrics for staff.</summary>
public sealed class ProductionDefaultsPlatform : SqlitePlatform
{
    protected override IEnumerable<string> DocsArguments => [];

    protected override IEnumerable<string> Arguments => ["--environment=Production"];
}

/// <summary>The platform behind a proxy on this machine, with metrics on a management port, in Development.</summary>
public sealed class ProxiedPlatform : SqlitePlatform
{
    public int ManagementPort { get; } = FreePort();

    protected override int? ManagementPortToSkip => ManagementPort;

    protected override IEnumerable<string> DocsArguments => [];

    protected override IEnumerable<string> Arguments =>
    [
        "--environment=Development", "--ForwardedHeaders:KnownProxies:0=127.0.0.1", $"--Metrics:Port={ManagementPort}", "--Metrics:Host=127.0.0.1",
    ];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class ProductionDefaultsTests(ProductionDefaultsPlatform platform) : IClassFixture<ProductionDefaultsPlatform>
{
    [Fact]
    public async Task Metrics_answer_admins_managers_and_analysts_only()
    {
        using var anonymous = platform.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        foreach (var refused in new[] { Trust.TrustWorld.CustomerAUserName, "agent", "collector", "underwriter" })
        {
            using var client = await platform.SignedIn(refused);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        }

        using var dealer = platform.Dealer(DemoData.DealerKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await dealer.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        foreach (var allowed in new[] { "admin", "manager", "analyst" })
        {
            using var client = await platform.SignedIn(allowed);
            Assert.Contains("# TYPE", await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_api_documentation_is_off_in_production_by_default()
    {
        using var client = platform.Anonymous();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/docs/index.html", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode);
        Assert.Equal("healthy", await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
    }

    [Fact]
    public async Task Forwarded_headers_are_ignored_when_no_proxy_is_configured()
    {
        using var client = platform.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}

public sealed class ProxiedPlatformTests(ProxiedPlatform platform) : IClassFixture<ProxiedPlatform>
{
    [Fact]
    public async Task Behind_a_known_proxy_the_forwarded_scheme_counts()
    {
        using var client = platform.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request);

        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS is sent on requests the proxy received over HTTPS");
    }

    [Fact]
    public async Task Behind_a_known_proxy_a_cookie_post_from_the_public_origin_is_same_origin()
    {
        var token = await Token("manager");
        using var browser = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = platform.BaseAddress };
        browser.DefaultRequestHeaders.Add("Cookie", $"af_session={token}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases/escalations");
        request.Headers.Add("Origin", "https://loans.example.cn");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "loans.example.cn");

        using var response = await browser.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Metrics_answer_on_the_management_port_only()
    {
        using var main = platform.Anonymous();
        using var admin = await platform.SignedIn("admin");
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{platform.ManagementPort}") };

        Assert.Contains("# TYPE", await management.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal("alive", await management.GetStringAsync(new Uri("/health/live", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync(new Uri("/api/v1/knowledge", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        spoofed.Headers.Host = $"127.0.0.1:{platform.ManagementPort}";
        Assert.Equal(HttpStatusCode.NotFound, (await main.SendAsync(spoofed)).StatusCode);
    }

    [Fact]
    public async Task The_api_documentation_is_served_outside_production()
    {
        using var client = platform.Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/docs/index.html", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode);
    }

    private async Task<string> Token(string userName)
    {
        using var anonymous = platform.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoData.Password });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}
