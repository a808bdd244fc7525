using System.Globalization;
using System.Threading.RateLimiting;
using AutoFinance.Web.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace AutoFinance.Web.Security;

/// <summary>
/// Rate limits (ASP.NET Core's limiter, fixed windows): every request counts against its caller — the user or dealer
/// key when it carries a valid credential, otherwise the client IP address — and sign-in and application submission
/// have limits of their own on top. A refused request answers 429 with <c>Retry-After</c> and a problem body.
/// Health and metrics are never limited (monitoring must see an overloaded host).
/// </summary>
/// <remarks>
/// Behind a reverse proxy the client address is the proxy's unless forwarded headers are trusted; configure
/// <c>ForwardedHeadersOptions</c> for the known proxies in that deployment.
/// </remarks>
public static class AbuseProtection
{
    public const string SignInPolicy = "sign-in";
    public const string ApplicationsPolicy = "applications";

    public static IServiceCollection AddAbuseProtection(this IServiceCollection services, RateLimitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!settings.Enabled || IsMonitoring(http.Request.Path))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                // The sign-in and register pages post forms: they share the API's per-address sign-in limit.
                if (IsAccountPagePost(http.Request))
                {
                    return Window("sign-in:" + ClientAddress(http), settings.SignIn);
                }

                return Caller(http) is { } caller
                    ? Window("caller:" + caller, settings.Authenticated)
                    : Window("ip:" + ClientAddress(http), settings.Anonymous);
            });
            options.AddPolicy(SignInPolicy, http => settings.Enabled
                ? Window("sign-in:" + ClientAddress(http), settings.SignIn)
                : RateLimitPartition.GetNoLimiter("unlimited"));
            options.AddPolicy(ApplicationsPolicy, http => settings.Enabled
                ? Window("applications:" + (Caller(http) ?? "ip:" + ClientAddress(http)), settings.Applications)
                : RateLimitPartition.GetNoLimiter("unlimited"));
        });
        return services;
    }

    /// <summary>The user or dealer key behind an authenticated request (run after authentication), or null.</summary>
    private static string? Caller(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var actor = http.User.ToActor();
        return actor.UserId?.ToString() ?? (actor.DealerId is { } dealer ? "dealer:" + dealer : null);
    }

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static bool IsAccountPagePost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && (request.Path.Equals("/signin", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/register", StringComparison.OrdinalIgnoreCase));

    private static bool IsMonitoring(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    private static RateLimitPartition<string> Window(string key, WindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
                title: "Too many requests",
                detail: $"this client sent too many requests; try again in {seconds} s",
                statusCode: StatusCodes.Status429TooManyRequests)
            .ExecuteAsync(http).ConfigureAwait(false);
    }
}
