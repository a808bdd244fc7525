using AutoFinance.Application.Security;
using AutoFinance.Web.Auth;
using AutoFinance.Web.Components.Localization;
using Microsoft.AspNetCore.Components;

namespace AutoFinance.Web.Components.Security;

/// <summary>
/// The base of every page: who is signed in (the same <see cref="Actor"/> the API sees), the UI language, and the
/// guards a page applies before it reads anything — sign in first, the right role, and "not found" (404) for an
/// object the reader may not see, exactly as the API answers it.
/// </summary>
public abstract class PortalPage : ComponentBase
{
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    [Inject]
    protected NavigationManager Navigation { get; set; } = null!;

    protected Actor Actor => HttpContext?.User.Identity?.IsAuthenticated == true ? HttpContext.User.ToActor() : Anonymous;

    protected bool SignedIn => Actor.Role != Anonymous.Role;

    protected UiLanguage L => UiLanguage.Of(HttpContext);

    /// <summary>Set when the page answered "not found"; the page renders <c>NotFound</c> instead of its content.</summary>
    protected bool IsNotFound { get; private set; }

    /// <summary>Set when the reader's role may not use the page.</summary>
    protected bool IsForbidden { get; private set; }

    private static readonly Actor Anonymous = new("anonymous", null, null, null, "anonymous");

    /// <summary>Sends an anonymous reader to sign in (and back here afterwards); marks a reader of another role forbidden.</summary>
    protected bool Require(params string[] roles)
    {
        if (!SignedIn)
        {
            var back = Navigation.ToBaseRelativePath(Navigation.Uri);
            Navigation.NavigateTo("/signin?returnUrl=" + Uri.EscapeDataString("/" + back), forceLoad: false);
            return false;
        }

        if (roles.Length > 0 && !roles.Contains(Actor.Role))
        {
            IsForbidden = true;
            SetStatus(StatusCodes.Status403Forbidden);
            return false;
        }

        return true;
    }

    /// <summary>Answers 404 with the not-found page, as the API answers an object the reader may not see.</summary>
    protected void NotFound()
    {
        IsNotFound = true;
        DisableStatusCodePages();
        Navigation.NotFound();
    }

    protected void SetStatus(int status)
    {
        DisableStatusCodePages();
        if (HttpContext is { Response.HasStarted: false } http)
        {
            http.Response.StatusCode = status;
        }
    }

    /// <summary>The page writes its own body; the API's problem-details status pages must not replace it.</summary>
    private void DisableStatusCodePages()
    {
        if (HttpContext?.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
    }

    /// <summary>Where a role starts after signing in.</summary>
    public static string HomeOf(string role) => role switch
    {
        Roles.Customer => "/loans",
        Roles.Dealer => "/applications",
        Roles.Underwriter => "/underwriting",
        Roles.Collector => "/collections",
        Roles.ServiceAgent => "/cases",
        Roles.Manager or Roles.Admin or Roles.RiskAnalyst => "/dashboard",
        _ => "/loans",
    };

    /// <summary>
    /// A return address is followed only when it is a path on this site with no control characters (a CR/LF or tab
    /// cannot go into a Location header, and would split it if it could); other non-ASCII characters are
    /// percent-encoded, as a Location header must be ASCII.
    /// </summary>
    public static string SafeLocal(string? url, string fallback) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl) ? AsciiOnly(url) : fallback;

    private static string AsciiOnly(string url)
    {
        if (url.All(char.IsAscii))
        {
            return url;
        }

        var ascii = new System.Text.StringBuilder(url.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                ascii.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                ascii.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return ascii.ToString();
    }

    public static void SetSessionCookie(HttpContext http, string token)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Append(AutoFinanceAuthentication.SessionCookie, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
    }
}
