using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Web.Auth;
using AutoFinance.Web.Hosting;

namespace AutoFinance.Web.Api;

/// <summary>Contracts: disbursement releases the funds and books the loan in the same transaction.</summary>
public static class ContractEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/contracts/{id:guid}/disburse", async (Guid id, HttpContext http, OriginationCommands commands, OriginationMetrics metrics, CancellationToken ct) =>
            {
                var result = await commands.DisburseAsync(http.User.ToActor(), id, ct).ConfigureAwait(false);
                if (result.Failure == CommandFailure.None)
                {
                    metrics.Reached("funded");
                }

                return Problems.From(result, c => Results.Ok(c), "contract");
            })
            .WithTags("Contracts")
            .RequireAuthorization(p => p.RequireRole(Roles.Underwriter, Roles.Admin))
            .WithSummary("Release the funds of a signed contract and book the loan: its schedule and opening ledger entry")
            .Produces<ContractView>().ProducesProblem(404).ProducesProblem(409);

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
