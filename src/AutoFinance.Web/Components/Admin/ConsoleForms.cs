using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Web.Auth;
using AutoFinance.Web.Components.Security;
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
            var (form, actor) = await PostedForm.ReadAsync(http, antiforgery, ct).ConfigureAwait(false);
            if (actor.Role is not (Roles.Manager or Roles.Admin))
            {
                return Results.LocalRedirect("/blacklist");
            }

            if (await blacklist.FindAsync(id, ct).ConfigureAwait(false) is not { } entry)
            {
                return Results.LocalRedirect("/blacklist?outcome=gone");
            }

            var asked = await approvals.RequestAsync(actor, ApprovalService.BlacklistRemove, id.ToString(), new { id }, ApprovalService.RemovalNote(entry.Kind, entry.Value), form["reason"].ToString(), ct).ConfigureAwait(false);
            return Results.LocalRedirect(Outcome("/blacklist", asked.Value is not null ? "sent" : asked.Code ?? "field.length", id));
        });
        forms.MapPost("/hardship/{id:guid}/decision", async (Guid id, HttpContext http, IAntiforgery antiforgery, Infrastructure.Servicing.HardshipRequests requests, CancellationToken ct) =>
        {
            var (form, actor) = await PostedForm.ReadAsync(http, antiforgery, ct).ConfigureAwait(false);
            if (!Api.HardshipRequestEndpoints.Deciders.Contains(actor.Role))
            {
                return Results.LocalRedirect("/hardship");
            }

            var approve = form["decision"].ToString() == "approve";
            var decided = await requests.DecideAsync(actor, id, approve, approve ? null : form["reason"].ToString(), ct).ConfigureAwait(false);
            var outcome = decided.Value is { } request ? request.State : decided.Failure == Application.Common.CommandFailure.Invalid ? "reason-needed" : decided.Code ?? "conflict";
            return Results.LocalRedirect(Outcome("/hardship", outcome, id) + (decided.Value is null ? $"#request-{id}" : string.Empty));
        });
        forms.MapPost("/models/{id:guid}/promote", async (Guid id, HttpContext http, IAntiforgery antiforgery, Infrastructure.Models.ModelRegistry registry, CancellationToken ct) =>
        {
            var (form, actor) = await PostedForm.ReadAsync(http, antiforgery, ct).ConfigureAwait(false);
            if (!Api.ModelRegistryEndpoints.Modellers.Contains(actor.Role))
            {
                return Results.LocalRedirect("/models");
            }

            var asked = await registry.RequestPromotionAsync(actor, id, form["reason"].ToString(), ct).ConfigureAwait(false);
            return Results.LocalRedirect(Outcome("/models", asked.Value is not null ? "sent" : asked.Code ?? "field.length", id));
        });
        forms.MapPost("/models/rollback", async (HttpContext http, IAntiforgery antiforgery, Infrastructure.Models.ModelRegistry registry, CancellationToken ct) =>
        {
            var (form, actor) = await PostedForm.ReadAsync(http, antiforgery, ct).ConfigureAwait(false);
            if (!Api.ModelRegistryEndpoints.RollBackers.Contains(actor.Role))
            {
                return Results.LocalRedirect("/models");
            }

            var rolled = await registry.RollBackAsync(actor, form["reason"].ToString(), ct).ConfigureAwait(false);
            return Results.LocalRedirect($"/models?outcome={Uri.EscapeDataString(rolled.Value is not null ? "rolled-back" : rolled.Code ?? "field.length")}");
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

    /// <summary>The model upload form: a multipart post of up to two model files.</summary>
    public static void MapUploads(IEndpointRouteBuilder routes)
    {
        var uploads = routes.MapGroup("/forms/console").RequireAuthorization().ExcludeFromDescription().DisableAntiforgery()
            .WithMetadata(new Web.Security.RequestBodyLimit((2L * Infrastructure.Models.ModelRegistry.MaxBytes) + (64 * 1024)));
        uploads.MapPost("/models", async (HttpContext http, IAntiforgery antiforgery, Infrastructure.Models.ModelRegistry registry, CancellationToken ct) =>
        {
            var (form, actor) = await PostedForm.ReadAsync(http, antiforgery, ct).ConfigureAwait(false);
            if (!Api.ModelRegistryEndpoints.Modellers.Contains(actor.Role))
            {
                return Results.LocalRedirect("/models");
            }

            var file = form.Files.GetFile("file");
            var uploaded = await registry.UploadAsync(actor, file?.FileName, await Api.ModelRegistryEndpoints.BytesAsync(file, ct).ConfigureAwait(false),
                await Api.ModelRegistryEndpoints.BytesAsync(form.Files.GetFile("challenger"), ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            return Results.LocalRedirect(uploaded.Value is { } model ? $"/models?outcome=uploaded&id={model.ModelVersionId}" : $"/models?outcome={Uri.EscapeDataString(uploaded.Code ?? "model.invalid-file")}");
        });
    }

    private static string Outcome(string page, string outcome, Guid id) => $"{page}?outcome={Uri.EscapeDataString(outcome)}&id={id}";
}
