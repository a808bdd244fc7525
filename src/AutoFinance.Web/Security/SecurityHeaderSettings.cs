namespace AutoFinance.Web.Security;

/// <summary>
/// The response headers that tell a browser how to treat the platform's pages (<c>Security:Headers</c>). The default
/// Content-Security-Policy allows scripts only from the platform itself (Blazor's <c>blazor.web.js</c> and its
/// WebSocket included, no inline script, no eval), inline styles (component style attributes), images from itself
/// and <c>data:</c>, and forbids framing.
/// </summary>
public sealed class SecurityHeaderSettings
{
    public string ContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The interactive API viewer at <c>/docs</c> (Swagger UI writes its configuration inline).</summary>
    public string DocsContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public string ReferrerPolicy { get; set; } = "no-referrer";

    public string PermissionsPolicy { get; set; } = "camera=(), microphone=(), geolocation=(), payment=()";

    /// <summary>Strict-Transport-Security max-age, sent only on HTTPS requests; 0 sends none.</summary>
    public int HstsMaxAgeSeconds { get; set; } = 31_536_000;

    public bool HstsIncludeSubDomains { get; set; } = true;
}
