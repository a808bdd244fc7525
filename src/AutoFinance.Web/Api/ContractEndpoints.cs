using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Payouts;
using AutoFinance.Web.Auth;
using AutoFinance.Web.Hosting;

namespace AutoFinance.Web.Api;

/// <summary>
/// Contracts: the funding file (checklist, facts, payee) and disbursement, which instructs the payout to the dealer;
/// the loan is booked when the payout is confirmed.
/// </summary>
public static class ContractEndpoints
{
    public sealed record DisburseInput(string? Channel);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/contracts/{id:guid}/disburse", async (Guid id, HttpContext http, DealerPayouts payouts, OriginationMetrics metrics, CancellationToken ct) =>
            {
                var key = http.Request.Headers["Idempotency-Key"].ToString();
                if (key.Length > 100)
                {
                    return Problems.Field("Idempotency-Key", "must be at most 100 characters");
                }

                // The channel is optional: a bodiless post pays out through the provider.
                var body = http.Request.HasJsonContentType() ? await JsonBody.ReadAsync<DisburseInput>(http.Request, ct).ConfigureAwait(false) : null;
                if (body?.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var result = await payouts.InstructAsync(http.User.ToActor(), id, body?.Value?.Channel, key, ct).ConfigureAwait(false);
                if (result.Failure == Application.Common.CommandFailure.None)
                {
                    metrics.Reached("funded");
                }

                return Problems.From(result, c => Results.Ok(c), "contract");
            })
            .WithTags("Contracts")
            .RequireAuthorization(p => p.RequireRole(Roles.Underwriter, Roles.Admin))
            .WithSummary("Pay a signed contract out to its dealer's verified settlement account once its funding checklist is complete ({\"channel\": \"provider\"|\"file\"}, Idempotency-Key honoured): the contract waits, payout pending, and the loan is booked when the payout is confirmed. 422 funding.checklist-incomplete names each unmet item")
            .Produces<ContractView>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        routes.MapGet("/api/v1/contracts/{id:guid}/funding", async (Guid id, HttpContext http, FundingDesk funding, CancellationToken ct) =>
                await funding.ViewAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } view ? Results.Ok(view) : Problems.NotFound("contract"))
            .WithTags("Contracts")
            .RequireAuthorization(p => p.RequireRole(Roles.Underwriter, Roles.Manager, Roles.Admin, Roles.Dealer))
            .WithSummary("The contract's funding file: the checklist item by item, the facts recorded, the payee with the account masked, the amount and the payouts. The dealer behind the contract sees it too (its own payouts, not the customer's refunds), to track its funding")
            .Produces<FundingDesk.FundingView>().ProducesProblem(404);

        routes.MapPut("/api/v1/contracts/{id:guid}/funding", async (Guid id, HttpContext http, FundingDesk funding, CancellationToken ct) =>
                await BodyHandler.WithBodyAsync(http, new FundingDesk.FactsInput(null, null, null, null, null), async input =>
                    Problems.From(await funding.RecordAsync(http.User.ToActor(), id, input, ct).ConfigureAwait(false), v => Results.Ok(v), "contract"), ct).ConfigureAwait(false))
            .WithTags("Contracts")
            .RequireAuthorization(p => p.RequireRole(Roles.Underwriter, Roles.Admin, Roles.Dealer))
            .WithSummary("Record the funding facts: {\"insurancePolicyNumber\", \"insurer\", \"mortgageRegistrationNumber\", \"mortgageRegisteredOn\", \"gpsDeviceId\"} (blank clears). Underwriters, and the dealer behind the contract (who arranges insurance, mortgage registration and GPS); the file then says the dealer gave them")
            .Produces<FundingDesk.FundingView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        routes.MapGet("/api/v1/contracts/{id:guid}/document", async (Guid id, HttpContext http, Infrastructure.Contracts.SignedContracts contracts, CancellationToken ct) =>
                await contracts.ReadAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } file
                    ? Results.File(file.Pdf, "application/pdf", $"{file.Reference}.pdf")
                    : Problems.NotFound("contract"))
            .WithTags("Contracts")
            .RequireAuthorization()
            .WithSummary("The signed contract PDF (PAdES, sealed by the platform): the customer, the dealer behind it and staff")
            .Produces(200, contentType: "application/pdf").ProducesProblem(404);
    }
}
