using System.Globalization;

namespace AutoFinance.Web.Security;

/// <summary>
/// Adds the browser-protection headers to every response: Content-Security-Policy (with frame-ancestors 'none'),
/// X-Content-Type-Options nosniff, X-Frame-Options DENY, Referrer-Policy, Permissions-Policy,
/// Cross-Origin-Opener-Policy; Strict-Transport-Security only on HTTPS (a browser ignores it over HTTP and a
/// developer on http://localhost must not be pinned to HTTPS). API answers carry personal and financial data, so
/// they are marked <c>Cache-Control: no-store</c>.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, SecurityHeaderSettings settings)
{
    private readonly string _hsts = settings.HstsMaxAgeSeconds <= 0
        ? string.Empty
        : "max-age=" + settings.HstsMaxAgeSeconds.ToString(CultureInfo.InvariantCulture) + (settings.HstsIncludeSubDomains ? "; includeSubDomains" : string.Empty);

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var (self, http) = ((SecurityHeaders, HttpContext))state;
            self.Apply(http);
            return Task.CompletedTask;
        }, (this, context));
        return next(context);
    }

    private void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        var path = http.Request.Path;
        var policy = path.StartsWithSegments("/docs") ? settings.DocsContentSecurityPolicy : settings.ContentSecurityPolicy;
        if (!string.IsNullOrWhiteSpace(policy))
        {
            headers.ContentSecurityPolicy = policy;
        }

        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = settings.ReferrerPolicy;
        headers["Permissions-Policy"] = settings.PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (http.Request.IsHttps && _hsts.Length > 0)
        {
            headers.StrictTransportSecurity = _hsts;
        }

        if (path.StartsWithSegments("/api"))
        {
            headers.CacheControl = "no-store";
        }
    }
}
