using AutoFinance.Web.Auth;
using Microsoft.Net.Http.Headers;

namespace AutoFinance.Web.Security;

/// <summary>
/// Refuses cross-site request forgery on the API. A browser attaches the session cookie to any request, even one a
/// foreign page sends (a form posting to <c>/api/v1/approvals/{id}/approve</c>), so an API call that changes state and
/// is authenticated by the cookie alone must come from this site: its <c>Origin</c> is this host (or one of
/// <see cref="CrossOriginSettings.TrustedOrigins"/>), or, without an <c>Origin</c>, the browser says
/// <c>Sec-Fetch-Site: same-origin</c>. A caller sending a bearer token or an <c>X-Api-Key</c> chose its credential
/// itself (no browser adds those), so it is not checked. The pages do not call the API; their own forms post with
/// anti-forgery tokens.
/// </summary>
public sealed class CrossOriginGuard(RequestDelegate next, CrossOriginSettings settings)
{
    public const string Code = "request.cross_origin";

    private readonly HashSet<string> _trusted = new(settings.TrustedOrigins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || IsSafe(request.Method) || !AuthenticatedByCookie(request) || FromThisSite(request))
        {
            return next(context);
        }

        return Results.Problem(
            title: "Cross-origin request refused",
            detail: "a request that changes something and is signed in by the session cookie must come from this site (Origin or Sec-Fetch-Site: same-origin); other callers send a bearer token or an X-Api-Key",
            statusCode: StatusCodes.Status403Forbidden,
            extensions: new Dictionary<string, object?> { ["code"] = Code }).ExecuteAsync(context);
    }

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    /// <summary>The session cookie is what would sign the request in: no bearer token and no API key came with it.</summary>
    private static bool AuthenticatedByCookie(HttpRequest request) =>
        request.Cookies.ContainsKey(AutoFinanceAuthentication.SessionCookie)
        && string.IsNullOrWhiteSpace(request.Headers[AutoFinanceAuthentication.ApiKeyHeader])
        && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private bool FromThisSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && !string.Equals(fetchSite, "same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var origin = request.Headers[HeaderNames.Origin].ToString();
        if (origin.Length == 0)
        {
            return fetchSite.Length > 0;
        }

        return string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase) || _trusted.Contains(origin);
    }
}

/// <summary>Origins besides the platform's own whose pages may call the API with the session cookie (<c>Security:CrossOrigin</c>).</summary>
public sealed class CrossOriginSettings
{
    public IReadOnlyList<string> TrustedOrigins { get; set; } = [];
}
