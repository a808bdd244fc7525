using System.Globalization;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Auth;
using Microsoft.AspNetCore.Antiforgery;

namespace AutoFinance.Web.Components.Audit;

/// <summary>
/// The audit page's one action: verifying the chain, as <c>GET /api/v1/admin/audit/verify</c> does and for admins
/// only, answered with a redirect back to the page carrying the outcome's facts (never its English sentence), so the
/// page says it in the reader's language and a reload never verifies twice.
/// </summary>
public static class AuditForms
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var forms = routes.MapGroup("/forms/audit").RequireAuthorization().ExcludeFromDescription().DisableAntiforgery();
        forms.MapPost("/verify", async (HttpContext http, IAntiforgery antiforgery, AutoFinanceDbContext db, AuditAnchoring anchoring, CancellationToken ct) =>
        {
            await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
            if (http.User.ToActor().Role != Roles.Admin)
            {
                return Results.LocalRedirect("/audit");
            }

            var check = await anchoring.VerifyAsync(db, ct).ConfigureAwait(false);
            var facts = new Dictionary<string, string?>
            {
                ["verified"] = check.Intact ? "intact" : "broken",
                ["entries"] = check.Entries.ToString(CultureInfo.InvariantCulture),
                ["through"] = check.AnchoredThrough?.ToString(CultureInfo.InvariantCulture),
                ["kind"] = check.Kind,
                ["at"] = check.FirstBrokenSequence?.ToString(CultureInfo.InvariantCulture),
            };
            return Results.LocalRedirect("/audit" + QueryString.Create(facts.Where(f => f.Value is not null)).ToUriComponent());
        });
    }
}
