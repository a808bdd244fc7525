using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Web.Auth;
using AutoFinance.Web.Hosting;
using AutoFinance.Web.Security;

namespace AutoFinance.Web.Api;

/// <summary>Applications: submit (decided in the same response), list, read, disclosures, accept an offer.</summary>
public static class ApplicationEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/applications").WithTags("Applications").RequireAuthorization();

        group.MapPost("/", Submit)
            .RequireAuthorization(p => p.RequireRole(Roles.Customer, Roles.Dealer, Roles.Underwriter, Roles.Admin))
            .RequireRateLimiting(AbuseProtection.ApplicationsPolicy)
            .WithSummary("Submit an application and get the decision, reasons and disclosed offers in the same response")
            .Accepts<ApplicationRequest>("application/json")
            .Produces<DecisionResponse>(201)
            .ProducesValidationProblem()
            .ProducesProblem(403)
            .ProducesProblem(429);

        group.MapGet("/", async (string? status, int? limit, int? page, string? sort, HttpContext http, ApplicationQueries queries, Infrastructure.Payouts.FundingDesk funding, CancellationToken ct) =>
            {
                if ((ListAnswers.UnknownSort(sort, ApplicationQueries.Sorts) ?? ListAnswers.UnknownStatus(status, Domain.Lifecycle.StateWords<Domain.Origination.Lifecycle.ApplicationStatus>.All)) is { } unknown)
                {
                    return unknown;
                }

                var (number, size) = Infrastructure.Search.ListPage<ApplicationSummary>.Normalise(page, limit, 50, 500);
                var actor = http.User.ToActor();
                return ListHeaders.Page(http, await funding.WithStagesAsync(actor, await queries.PageAsync(actor, status, number, size, sort, ct).ConfigureAwait(false), ct).ConfigureAwait(false));
            })
            .WithSummary("The applications visible to you (your own, your dealer's, or all for staff), a page at a time (page, limit up to 500, sort=submitted|reference|price|score, minus for descending); X-Total-Count says how many in all. A dealer's carry fundingStage where there is a contract: awaiting-checklist, ready-to-pay, payout-pending, payout-failed, paid or returned")
            .Produces<IReadOnlyList<ApplicationSummary>>().ProducesValidationProblem();
        group.MapGet("/export.csv", ListExports.ApplicationsAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.RiskAnalyst, Roles.Manager, Roles.Admin))
            .WithSummary("Every application as CSV (no personal data), in the list's sort; each export is audited").Produces<string>(200, "text/csv");

        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, ApplicationQueries queries, Infrastructure.Payouts.FundingDesk funding, CancellationToken ct) =>
            {
                var actor = http.User.ToActor();
                return await queries.GetAsync(actor, id, ct, ProblemLanguage.Named(http.Request)).ConfigureAwait(false) is { } detail
                    ? Results.Ok(await funding.WithStageAsync(actor, detail, ct).ConfigureAwait(false))
                    : Problems.NotFound("application");
            })
            .WithSummary("One application with its reasons (in the language Accept-Language names first, else the application's), offers, history (and, for staff, every check); a dealer's carries fundingStage as its list does")
            .Produces<ApplicationDetail>()
            .ProducesProblem(404);

        group.MapGet("/{id:guid}/offers/{offerId:guid}/disclosure", async (Guid id, Guid offerId, HttpContext http, ApplicationQueries queries, CancellationToken ct) =>
                await queries.DisclosureAsync(http.User.ToActor(), id, offerId, ct).ConfigureAwait(false) is { } json
                    ? Results.Text(json, "application/json")
                    : Problems.NotFound("offer"))
            .WithSummary("The full disclosure of an offer (schema docs/schemas/loan-disclosure.schema.json)")
            .ProducesProblem(404);

        group.MapGet("/{id:guid}/credit-report", async (Guid id, HttpContext http, Infrastructure.Bureau.CreditReportQueries reports, CancellationToken ct) =>
                await reports.ForApplicationAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } report ? Results.Json(report, Infrastructure.Bureau.CreditReportJson.Options) : Problems.NotFound("credit report"))
            .RequireAuthorization(p => p.RequireRole(Infrastructure.Bureau.CreditReportQueries.Readers))
            .WithSummary("The credit report the application was decided on, with its derived figures (schema docs/schemas/credit-report.schema.json); every reading is audited")
            .ProducesProblem(404);
        group.MapPost("/{id:guid}/bureau-override", async (Guid id, HttpContext http, Infrastructure.Origination.BureauOverrides overrides, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadAsync<BureauOverrideInput>(http.Request, ct).ConfigureAwait(false);
            if (body.Error is { } error)
            {
                return Problems.Validation([error]);
            }

            return Problems.From(await overrides.RecordAsync(http.User.ToActor(), id, body.Value ?? new BureauOverrideInput(), ct).ConfigureAwait(false), r => Results.Ok(r), "application");
        })
            .RequireAuthorization(p => p.RequireRole([.. Infrastructure.Origination.BureauOverrides.Recorders]))
            .WithSummary("Record the figures of a credit report obtained another way (no hit, bureau unavailable, a wrong report) with a mandatory reason; the application is decided again on them and the override is audited")
            .Accepts<BureauOverrideInput>("application/json")
            .Produces<Infrastructure.Origination.BureauOverrides.Result>()
            .ProducesValidationProblem()
            .ProducesProblem(404)
            .ProducesProblem(409);
        group.MapPost("/{id:guid}/offers/{offerId:guid}/signing-code", async (Guid id, Guid offerId, HttpContext http, ContractSigningCodes signing, CancellationToken ct) =>
                Problems.From(await signing.RequestCodeAsync(http.User.ToActor(), id, offerId, http.Connection.RemoteIpAddress?.ToString(), ct).ConfigureAwait(false), SigningCodeAnswer, "application or offer"))
            .RequireAuthorization(p => p.RequireRole(Roles.Customer, Roles.Dealer))
            .WithSummary("Text a contract-signing code for this offer to the customer's mobile on file (202 with when it expires and the masked number)")
            .ProducesProblem(404)
            .ProducesProblem(409)
            .ProducesProblem(429)
            .ProducesProblem(503);
        group.MapPost("/{id:guid}/offers/{offerId:guid}/accept", (Guid id, Guid offerId, HttpContext http, OriginationCommands commands, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new SigningInput(null), async input =>
                    Problems.From(await commands.AcceptAsync(http.User.ToActor(), id, offerId, new CustomerSignature.TextedCode(input.Code), ct).ConfigureAwait(false), c => Results.Ok(c), "application or offer"), ct))
            .RequireAuthorization(p => p.RequireRole(Roles.Customer, Roles.Dealer))
            .WithSummary("Accept and sign one offer with the code texted for it (code.invalid, code.expired, code.attempts-exhausted when it does not verify; nothing is signed then): creates the contract with the disclosure version shown")
            .Accepts<SigningInput>("application/json")
            .Produces<ContractView>()
            .ProducesValidationProblem()
            .ProducesProblem(404)
            .ProducesProblem(409);
    }

    /// <summary>What the customer signs an offer with: the code texted to their mobile for it.</summary>
    public sealed record SigningInput(string? Code);

    private static IResult SigningCodeAnswer(ContractSigningCodes.Sent sent) =>
        sent.Result.Sent ? Results.Accepted(value: new { expiresAt = sent.Result.ExpiresAt, sentTo = sent.MaskedMobile }) : CodeAnswers.Of(sent.Result);

    private static async Task<IResult> Submit(HttpContext http, DecisionService decisions, OriginationMetrics metrics, CancellationToken ct)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 100)
        {
            return Problems.Field("Idempotency-Key", "must be at most 100 characters");
        }

        var body = await JsonBody.ReadAsync<ApplicationRequest>(http.Request, ct).ConfigureAwait(false);
        if (body.Error is { } error)
        {
            return Problems.Validation([error], "The application has problems");
        }

        var context = new SubmissionContext(http.User.ToActor(), http.Connection.RemoteIpAddress?.ToString(), key.Length == 0 ? null : key, body.Fingerprint);
        var result = await decisions.SubmitAsync(body.Value, context, ct).ConfigureAwait(false);
        if (result.Errors.Count > 0)
        {
            return Problems.Validation(result.Errors, "The application has problems");
        }

        if (result.Forbidden is { } forbidden)
        {
            return Problems.Forbidden(forbidden, DecisionService.NotYourIdentityCode, "applicant.nationalId");
        }

        if (result.IdempotencyKeyReused)
        {
            return Problems.KeyReused("application");
        }

        if (result.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }
        else if (result.Response is { } response)
        {
            metrics.Decided(response.Status, ApplicationChannels.Of(context.Actor), response.DecisionMillis);
            http.Response.Headers.Location = $"/api/v1/applications/{response.ApplicationId}";
        }

        return Results.Text(result.ResponseJson, "application/json", statusCode: result.StatusCode);
    }
}
