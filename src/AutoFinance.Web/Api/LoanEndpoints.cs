using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>Booked loans: schedule and balances from the ledger; staff also see every journal entry.</summary>
public static class LoanEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/loans").WithTags("Loans").RequireAuthorization();
        group.MapGet("/", async (HttpContext http, LoanQueries loans, CancellationToken ct) => Results.Ok(await loans.ListAsync(http.User.ToActor(), ct).ConfigureAwait(false)))
            .WithSummary("The loans visible to you").Produces<IReadOnlyList<LoanQueries.LoanSummary>>();
        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, LoanQueries loans, CancellationToken ct) =>
                await loans.GetAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } loan ? Results.Ok(loan) : Problems.NotFound("loan"))
            .WithSummary("A loan with its schedule, ledger balances and trial balance").Produces<LoanQueries.LoanView>().ProducesProblem(404);
        group.MapPost("/{id:guid}/payments", async (Guid id, HttpContext http, PaymentCommands payments, CancellationToken ct) =>
            {
                var key = http.Request.Headers["Idempotency-Key"].ToString();
                if (key.Length > 100)
                {
                    return Problems.Field("Idempotency-Key", "must be at most 100 characters");
                }

                var body = await JsonBody.ReadAsync<PaymentCommands.PaymentInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var result = await payments.PayAsync(http.User.ToActor(), id, body.Value ?? new PaymentCommands.PaymentInput(null, null), key.Length == 0 ? null : key, ct).ConfigureAwait(false);
                return Problems.From(result, json => Results.Text(json, "application/json", statusCode: 201), "loan");
            })
            .RequireAuthorization(p => p.RequireRole(Application.Security.Roles.Customer, Application.Security.Roles.ServiceAgent, Application.Security.Roles.Collector, Application.Security.Roles.Admin))
            .WithSummary("Pay: allocated by the waterfall (fees, penalty, interest, principal; oldest due first), the rest held as overpayment; Idempotency-Key honoured")
            .Accepts<PaymentCommands.PaymentInput>("application/json").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
    }
}
