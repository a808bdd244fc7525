using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Search;
using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Web.Auth;

using AutoFinance.Web.Lists;

namespace AutoFinance.Web.Api;

/// <summary>A customer's hardship request from their loan, and the staff queue that approves (granting the plan) or declines it.</summary>
public static class HardshipRequestEndpoints
{
    /// <summary>Who decides: the roles that may grant a hardship plan directly.</summary>
    public static readonly string[] Deciders = [Roles.ServiceAgent, Roles.Manager, Roles.Admin];

    public sealed record DecisionInput(string? Reason);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/loans/{id:guid}/hardship-requests", async (Guid id, HttpContext http, HardshipRequests requests, CancellationToken ct) =>
            {
                var key = http.Request.Headers["Idempotency-Key"].ToString();
                if (key.Length > 100)
                {
                    return Problems.Field("Idempotency-Key", "is at most 100 characters");
                }

                var body = await JsonBody.ReadAsync<HardshipRequests.HardshipAsk>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var asked = await requests.AskAsync(http.User.ToActor(), id, body.Value ?? new(null, null, null, null), key, ct).ConfigureAwait(false);
                return Problems.From(asked, r => Results.Created($"/api/v1/loans/{id}/hardship-requests", r), "loan");
            })
            .WithTags("Servicing").RequireAuthorization(p => p.RequireRole(Roles.Customer))
            .WithSummary("Ask for a hardship plan on one's own loan: {\"kind\": \"payment-holiday\", \"installments\": 1-6} or {\"kind\": \"term-extension\", \"months\": 1-120}, with a reason; staff decide. Idempotency-Key honoured")
            .Accepts<HardshipRequests.HardshipAsk>("application/json").Produces<HardshipRequests.HardshipRequestView>(201)
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        routes.MapGet("/api/v1/loans/{id:guid}/hardship-requests", async (Guid id, HttpContext http, HardshipRequests requests, CancellationToken ct) =>
                await requests.ForLoanAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } list ? Results.Ok(list) : Problems.NotFound("loan"))
            .WithTags("Servicing").RequireAuthorization(p => p.RequireRole([Roles.Customer, .. Roles.Staff]))
            .WithSummary("The hardship requests on a loan, newest first (a customer's own loan only)")
            .Produces<IReadOnlyList<HardshipRequests.HardshipRequestView>>().ProducesProblem(404);

        var staff = routes.MapGroup("/api/v1/hardship-requests").WithTags("Servicing").RequireAuthorization(p => p.RequireRole(Deciders));
        staff.MapList("/", BackOfficeLists.Hardship, ReadHardship, "The hardship requests, newest first (status=requested|approved|declined)");
        staff.MapListExport("/export.csv", BackOfficeLists.Hardship, ReadHardship);
        staff.MapPost("/{id:guid}/approve", async (Guid id, HttpContext http, HardshipRequests requests, CancellationToken ct) =>
                Problems.From(await requests.DecideAsync(http.User.ToActor(), id, approve: true, null, ct).ConfigureAwait(false), r => Results.Ok(r), "hardship request"))
            .WithSummary("Approve a waiting request: the plan it proposes is granted and the customer told")
            .Produces<HardshipRequests.HardshipRequestView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        staff.MapPost("/{id:guid}/decline", async (Guid id, HttpContext http, HardshipRequests requests, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<DecisionInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                return Problems.From(await requests.DecideAsync(http.User.ToActor(), id, approve: false, body.Value?.Reason, ct).ConfigureAwait(false), r => Results.Ok(r), "hardship request");
            })
            .WithSummary("Decline a waiting request with {\"reason\"} (3 to 300 characters), which the customer is told")
            .Accepts<DecisionInput>("application/json").Produces<HardshipRequests.HardshipRequestView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
    }

    /// <summary>Every request in the state asked for (<c>status</c>, or the former <c>state</c>, checked alike by <see cref="ListQuery"/>).</summary>
    private static async Task<IEnumerable<HardshipRequests.HardshipRequestView>> ReadHardship(HttpContext http, ListAsk ask, CancellationToken ct) =>
        (await http.RequestServices.GetRequiredService<HardshipRequests>().PageAsync(ask.Status, 1, int.MaxValue, ct).ConfigureAwait(false)).Items;
}
