using AutoFinance.Application.Security;
using AutoFinance.Web.Auth;
using Microsoft.AspNetCore.Antiforgery;

namespace AutoFinance.Web.Components.Security;

/// <summary>The start of every page form's endpoint: the anti-forgery token checked, then the form and who posted it.</summary>
public static class PostedForm
{
    public static async Task<(IFormCollection Form, Actor Actor)> ReadAsync(HttpContext http, IAntiforgery antiforgery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(antiforgery);
        await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
        var form = await http.Request.ReadFormAsync(ct).ConfigureAwait(false);
        return (form, http.User.ToActor());
    }
}
