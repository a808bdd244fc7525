using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Web.Auth;
using Microsoft.AspNetCore.Antiforgery;

namespace AutoFinance.Web.Components.Admin;

/// <summary>
/// The console's row actions (an anti-forgery token each): asking to remove a blacklist entry, deciding a
/// hardship request, ending a user's sessions, revoking a dealer's key. Each does what its API endpoint does, under the same roles, and answers with a
/// redirect back to its page carrying the outcome, so a reload never posts twice.
/// </summary>
public static class ConsoleForms
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var forms = routes.MapGroup("/forms/console").RequireAuthorization().ExcludeFromDescription().DisableAntiforgery();
        forms.MapPost("/blacklist/{id:guid}/remove", async (Guid id, HttpContext http, IAntiforgery antiforgery, BlacklistCommands blacklist, ApprovalService approvals, CancellationToken ct) =>
        {
            await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
            var form = await http.Request.ReadFormAsync(ct).ConfigureAwait(false);
            var actor = http.User.ToActor();
            if (actor.Role is not (Roles.Manager or Roles.Admin))
            {
                return Results.LocalRedirect("/blacklist");
            }

            if (await blacklist.FindAsync(id, ct).ConfigureAwait(false) is not { } entry)
            {
                return Results.LocalRedirect("/blacklist?outcome=gone");
            }

            var asked = await approvals.RequestAsync(actor, ApprovalService.BlacklistRemove, id.ToString(), new { id }, $"remove {entry.Kind} {entry.Value}", form["reason"].ToString(), ct).ConfigureAwait(false);
            return Results.LocalRedirect(Outcome("/blacklist", asked.Value is not null ? "sent" : asked.Code ?? "field.length", id));
        });
        forms.MapPost("/hardship/{id:guid}/decision", async (Guid id, HttpContext http, IAntiforgery antiforgery, Infrastructure.Servicing.HardshipRequests requests, CancellationToken ct) =>
        {
            await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
            var form = await http.Request.ReadFormAsync(ct).ConfigureAwait(false);
            var actor = http.User.ToActor();
            if (!Api.HardshipRequestEndpoints.Deciders.Contains(actor.Role))
            {
                return Results.LocalRedirect("/hardship");
            }

            var approve = form["decision"].ToString() == "approve";
            var decided = await requests.DecideAsync(actor, id, approve, approve ? null : form["reason"].ToString(), ct).ConfigureAwait(false);
            var outcome = decided.Value is { } request ? request.State : decided.Failure == Application.Common.CommandFailure.Invalid ? "reason-needed" : decided.Code ?? "conflict";
            return Results.LocalRedirect(Outcome("/hardship", outcome, id) + (decided.Value is null ? $"#request-{id}" : string.Empty));
        });
        forms.MapPost("/users/{id:guid}/sessions", async (Guid id, HttpContext http, IAntiforgery antiforgery, AccessAdministration access, CancellationToken ct) =>
        {
            await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
            var actor = http.User.ToActor();
            if (actor.Role != Roles.Admin)
            {
                return Results.LocalRedirect("/users");
            }

            var ended = await access.RevokeSessionsAsync(actor, id, ct).ConfigureAwait(false);
            return Results.LocalRedirect(ended is { } count ? $"/users?ended={count}" : "/users?outcome=gone");
        });
        forms.MapPost("/dealers/{id:guid}/revoke", async (Guid id, HttpContext http, IAntiforgery antiforgery, AccessAdministration access, CancellationToken ct) =>
        {
            await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
            var actor = http.User.ToActor();
            if (actor.Role != Roles.Admin)
            {
                return Results.LocalRedirect("/dealers");
            }

            return Results.LocalRedirect(await access.RevokeApiKeyAsync(actor, id, ct).ConfigureAwait(false) ? "/dealers?outcome=revoked" : "/dealers?outcome=gone");
        });
    }

    private static string Outcome(string page, string outcome, Guid id) => $"{page}?outcome={Uri.EscapeDataString(outcome)}&id={id}";
}
