using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Web.Auth;
using AutoFinance.Web.Components.Origination;
using Microsoft.AspNetCore.Antiforgery;

namespace AutoFinance.Web.Api;

/// <summary>
/// The signed-in customer's application draft: read, saved and discarded through the API, and saved by the apply
/// page's form as it is filled (a form post with its anti-forgery token), so a language switch or the browser's
/// Back finds the values again.
/// </summary>
public static class DraftEndpoints
{
    public sealed record DraftInput(int? Step, Dictionary<string, string?>? Values);

    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/applications/draft").WithTags("Origination")
            .RequireAuthorization(p => p.RequireRole(Roles.Customer));
        api.MapGet("/", async (HttpContext http, ApplicationDrafts drafts, CancellationToken ct) =>
                await drafts.GetAsync(http.User.ToActor(), ct).ConfigureAwait(false) is { } draft ? Results.Ok(draft) : Results.NoContent())
            .WithSummary("The application form in progress: the step reached and the values entered (204 when there is none)").Produces<ApplicationDrafts.Draft>().Produces(204);
        api.MapPut("/", async (HttpContext http, ApplicationDrafts drafts, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<DraftInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var input = body.Value ?? new DraftInput(null, null);
                if (input.Step is not (>= 1 and <= ApplicationFields.Steps))
                {
                    return Problems.Validation([new Domain.Validation.FieldError("step", $"must be a step from 1 to {ApplicationFields.Steps}")]);
                }

                await drafts.SaveAsync(http.User.ToActor(), input.Step.Value, input.Values ?? [], ct).ConfigureAwait(false);
                return Results.Ok(await drafts.GetAsync(http.User.ToActor(), ct).ConfigureAwait(false));
            })
            .WithSummary("Save the application form in progress (values by form field name, nothing checked until it is submitted)")
            .Accepts<DraftInput>("application/json").Produces<ApplicationDrafts.Draft>().ProducesValidationProblem();
        api.MapDelete("/", async (HttpContext http, ApplicationDrafts drafts, CancellationToken ct) =>
            {
                await drafts.DiscardAsync(http.User.ToActor(), ct).ConfigureAwait(false);
                return Results.NoContent();
            })
            .WithSummary("Forget the application form in progress");

        routes.MapPost("/forms/apply/draft", async (HttpContext http, IAntiforgery antiforgery, ApplicationDrafts drafts, CancellationToken ct) =>
            {
                await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
                var form = await http.Request.ReadFormAsync(ct).ConfigureAwait(false);
                var step = int.TryParse(form["Form.Step"], out var s) ? Math.Clamp(s, 1, ApplicationFields.Steps) : 1;
                await drafts.SaveAsync(http.User.ToActor(), step, ApplicationFormDraft.Values(form), ct).ConfigureAwait(false);
                return Results.NoContent();
            })
            .RequireAuthorization().DisableAntiforgery().ExcludeFromDescription();
    }
}
