using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Privacy;
using AutoFinance.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Web.Api;

/// <summary>A customer's rights over their data: export, and erasure where no retention duty applies.</summary>
public static class PrivacyEndpoints
{
    public sealed record ErasureInput(string? Reason);

    public sealed record UnmaskInput(string? Reason);

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Privacy").RequireAuthorization();
        group.MapGet("/me/data", async (HttpContext http, PersonalDataService privacy, CancellationToken ct) =>
                http.User.ToActor() is { CustomerId: { } me } actor && await privacy.ExportAsync(actor, me, ct).ConfigureAwait(false) is { } data
                    ? Results.Ok(data)
                    : Problems.NotFound("customer"))
            .RequireAuthorization(p => p.RequireRole(Roles.Customer))
            .WithSummary("Everything held about you, machine-readable (JSON)");
        group.MapGet("/customers/{id:guid}/data", async (Guid id, HttpContext http, PersonalDataService privacy, CancellationToken ct) =>
                await privacy.ExportAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } data ? Results.Ok(data) : Problems.NotFound("customer"))
            .RequireAuthorization(p => p.RequireRole(Roles.Customer, Roles.ServiceAgent, Roles.Manager, Roles.Admin))
            .WithSummary("A customer's data export: in full for the customer; for staff masked, unless the customer has an open data-request case or a second person approved an unmasked export for you (the answer's access says which)");
        group.MapPost("/customers/{id:guid}/data/unmask-requests", async (Guid id, HttpContext http, ApprovalService approvals, AutoFinanceDbContext db, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<UnmaskInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                if (!await db.Customers.AnyAsync(c => c.Id == id, ct).ConfigureAwait(false))
                {
                    return Problems.NotFound("customer");
                }

                var request = await approvals.RequestAsync(http.User.ToActor(), ApprovalService.UnmaskedExport, id.ToString(), new { customerId = id },
                    Application.Common.RecordNote.Of($"unmasked data export of customer {id}", ("customerId", id.ToString())), body.Value?.Reason, ct).ConfigureAwait(false);
                return Problems.From(request, a => Results.Accepted($"/api/v1/approvals/{a.ApprovalId}", a), "customer");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.ServiceAgent, Roles.Manager, Roles.Admin))
            .WithSummary("Ask for an unmasked export of a customer's data, with the reason; it opens to you for 24 hours when a second person (manager or admin) approves at /approvals")
            .Accepts<UnmaskInput>("application/json").Produces<ApprovalService.ApprovalView>(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/customers/{id:guid}/erasure", async (Guid id, HttpContext http, PersonalDataService privacy, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<ErasureInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                return Problems.From(await privacy.EraseAsync(http.User.ToActor(), id, body.Value?.Reason, ct).ConfigureAwait(false), r => Results.Ok(r), "customer");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Customer, Roles.Admin))
            .WithSummary("Erase a customer's personal data where no retention duty applies; what is kept, and why, is answered and audited")
            .Accepts<ErasureInput>("application/json").Produces<PersonalDataService.ErasureResult>().ProducesValidationProblem().ProducesProblem(404);
    }
}
