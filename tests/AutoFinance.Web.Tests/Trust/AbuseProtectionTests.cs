using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web.Security;
using Microsoft.AspNetCore.Http;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>The platform with low rate limits, so a test can meet them in a few requests.</summary>
public sealed class LowLimitPlatform : SqlitePlatform
{
    protected override IEnumerable<string> Arguments =>
    [
        "--Security:RateLimits:SignIn:PermitLimit=3",
        "--Security:RateLimits:Anonymous:PermitLimit=20",
        "--Security:RateLimits:Authenticated:PermitLimit=25",
        "--Security:RateLimits:Applications:PermitLimit=2",
    ];

    /// <summary>A client whose requests come from its own loopback address, so each test has its own budget.</summary>
    public HttpClient From(string loopback, string? apiKey = null)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(IPAddress.Parse(loopback), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }
}

/// <summary>Rate limits (429 with Retry-After and a problem body), body size limits (413) and the security headers.</summary>
public sealed class AbuseProtectionTests(LowLimitPlatform platform) : IClassFixture<LowLimitPlatform>
{
    [Fact]
    public async Task Sign_in_is_limited_per_client_address_with_429_Retry_After_and_a_problem()
    {
        using var client = platform.From("127.0.0.11");
        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = DemoData.Password });

        await AssertTooManyRequests(refused);
        // Another address still signs in.
        using var other = platform.From("127.0.0.12");
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = DemoData.Password })).StatusCode);
    }

    [Fact]
    public async Task Applications_are_limited_per_api_key_whatever_the_address()
    {
        using var first = platform.From("127.0.0.21", DemoData.DealerKey);
        using var second = platform.From("127.0.0.22", DemoData.DealerKey);
        Assert.Equal(HttpStatusCode.BadRequest, (await first.PostAsync("/api/v1/applications", Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await second.PostAsync("/api/v1/applications", Json("{}"))).StatusCode);

        await AssertTooManyRequests(await first.PostAsync("/api/v1/applications", Json("{}")));
        // The other dealer's key has its own budget, and reading is not submitting.
        using var otherDealer = platform.From("127.0.0.21", DemoData.SecondDealerKey);
        Assert.Equal(HttpStatusCode.BadRequest, (await otherDealer.PostAsync("/api/v1/applications", Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(new Uri("/api/v1/applications", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Anonymous_requests_are_limited_per_address_and_health_never()
    {
        using var client = platform.From("127.0.0.31");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            statuses.Add((await client.GetAsync(new Uri("/api/v1/loans", UriKind.Relative))).StatusCode);
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Authenticated_requests_are_limited_per_key()
    {
        using var dealer = platform.From("127.0.0.41", DemoData.SecondDealerKey);
        HttpResponseMessage? last = null;
        for (var i = 0; i < 26; i++)
        {
            last = await dealer.GetAsync(new Uri("/api/v1/loans", UriKind.Relative));
        }

        await AssertTooManyRequests(last!);
    }

    [Fact]
    public async Task A_body_over_the_api_limit_answers_413_with_a_problem_whether_its_length_is_declared_or_not()
    {
        using var admin = await platform.SignedIn("admin");
        var big = "{\"x\":\"" + new string('a', 70 * 1024) + "\"}";

        // The client waits for the server's go-ahead (Expect: 100-continue), so the refusal is read before any upload.
        using var declaredRequest = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = Json(big) };
        declaredRequest.Headers.ExpectContinue = true;
        var declared = await admin.SendAsync(declaredRequest);
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/blacklist")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))),
        };
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Headers.ExpectContinue = true;
        chunked.Content.Headers.ContentType = new("application/json");
        var streamed = await admin.SendAsync(chunked);

        foreach (var response in new[] { declared, streamed })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(413, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_api_answers_are_not_cached()
    {
        using var client = platform.From("127.0.0.61");
        foreach (var path in new[] { "/health", "/api/v1/loans", "/openapi/v1.json", "/no-such-page" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");
            if (path.StartsWith("/api", StringComparison.Ordinal))
            {
                Assert.True(response.Headers.CacheControl?.NoStore, path);
            }
        }
    }

    [Fact]
    public async Task Strict_transport_security_is_sent_on_https_only()
    {
        async Task<IHeaderDictionary> Headers(bool https)
        {
            var context = new DefaultHttpContext();
            context.Request.IsHttps = https;
            context.Request.Path = "/api/v1/loans";
            var feature = new StartingFeature();
            context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>(feature);
            var middleware = new SecurityHeaders(_ => Task.CompletedTask, new SecurityHeaderSettings());
            await middleware.InvokeAsync(context);
            await feature.StartAsync();
            return context.Response.Headers;
        }

        Assert.Equal("max-age=31536000; includeSubDomains", (await Headers(https: true)).StrictTransportSecurity.ToString());
        Assert.False((await Headers(https: false)).ContainsKey("Strict-Transport-Security"));
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task AssertTooManyRequests(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, response.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
    }

    /// <summary>A response feature that runs its OnStarting callbacks when told to.</summary>
    private sealed class StartingFeature : Microsoft.AspNetCore.Http.Features.HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _starting = [];

        public override void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

        public async Task StartAsync()
        {
            foreach (var (callback, state) in _starting)
            {
                await callback(state);
            }
        }
    }
}
