using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>Booked loans: schedule, balances from the ledger, payments, reversals and payoff; staff also see every journal entry.</summary>
public static class LoanEndpoints
{
    private static readonly string[] Payers = [Roles.Customer, Roles.ServiceAgent, Roles.Collector, Roles.Admin];

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/loans").WithTags("Loans").RequireAuthorization();
        group.MapGet("/", async (HttpContext http, LoanQueries loans, CancellationToken ct) => Results.Ok(await loans.ListAsync(http.User.ToActor(), ct).ConfigureAwait(false)))
            .WithSummary("The loans visible to you").Produces<IReadOnlyList<LoanQueries.LoanSummary>>();
        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, LoanQueries loans, CancellationToken ct) =>
                await loans.GetAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } loan ? Results.Ok(loan) : Problems.NotFound("loan"))
            .WithSummary("A loan: schedule with paid/overdue status, balances, next due, today's payoff quote, payments and (staff) journal entries")
            .Produces<LoanQueries.LoanView>().ProducesProblem(404);
        group.MapPost("/{id:guid}/payments", async (Guid id, HttpContext http, PaymentCommands payments, CancellationToken ct) =>
            {
                if (IdempotencyKey(http) is not { } key)
                {
                    return Problems.Field("Idempotency-Key", "must be at most 100 characters");
                }

                if (PaymentIntentEndpoints.PaysThroughProvider(http.User.ToActor()))
                {
                    return await PaymentIntentEndpoints.StartAsync(id, http, key.Length == 0 ? null : key, ct).ConfigureAwait(false);
                }

                var body = await JsonBody.ReadAsync<PaymentCommands.PaymentInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var result = await payments.PayAsync(http.User.ToActor(), id, body.Value ?? new PaymentCommands.PaymentInput(null, null), key.Length == 0 ? null : key, ct).ConfigureAwait(false);
                return Problems.From(result, json => Results.Text(json, "application/json", statusCode: 201), "loan");
            })
            .RequireAuthorization(p => p.RequireRole(Payers))
            .WithSummary("Pay. A customer's payment is an intent (202 pending with the provider's checkout address; posted when the provider's signed callback confirms it). Staff post money received: allocated by the waterfall (fees, penalty, interest, principal; oldest due first); surplus held as credit or, with surplus=prepay, prepaid; Idempotency-Key honoured")
            .Accepts<PaymentCommands.PaymentInput>("application/json").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/payments/{paymentId:guid}/reversal", async (Guid id, Guid paymentId, HttpContext http, PaymentCommands payments, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<PaymentCommands.ReversalInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var result = await payments.ReverseAsync(http.User.ToActor(), id, paymentId, body.Value ?? new PaymentCommands.ReversalInput(null), ct).ConfigureAwait(false);
                return Problems.From(result, view => Results.Ok(view), "payment");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.ServiceAgent, Roles.Manager, Roles.Admin))
            .WithSummary("Reverse a payment (bounced, in error): the payments after it are applied again and the ledger restated")
            .Accepts<PaymentCommands.ReversalInput>("application/json").Produces<PaymentCommands.ReversalView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapGet("/{id:guid}/payoff", async (Guid id, DateOnly? on, HttpContext http, PayoffCommands payoff, CancellationToken ct) =>
                Problems.From(await payoff.QuoteAsync(http.User.ToActor(), id, on, ct).ConfigureAwait(false), quote => Results.Ok(quote), "loan"))
            .WithSummary("What it takes to close the loan on a date (default today): dues, principal not yet due, interest accrued to the date, less credit held")
            .Produces<PayoffFigures>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/payoff", async (Guid id, HttpContext http, PayoffCommands payoff, CancellationToken ct) =>
            {
                if (IdempotencyKey(http) is not { } key)
                {
                    return Problems.Field("Idempotency-Key", "must be at most 100 characters");
                }

                if (PaymentIntentEndpoints.PaysThroughProvider(http.User.ToActor()))
                {
                    return await PaymentIntentEndpoints.StartPayoffAsync(id, http, key.Length == 0 ? null : key, ct).ConfigureAwait(false);
                }

                var body = await JsonBody.ReadAsync<PayoffCommands.PayoffInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var result = await payoff.PayOffAsync(http.User.ToActor(), id, body.Value ?? new PayoffCommands.PayoffInput(null, null), key.Length == 0 ? null : key, ct).ConfigureAwait(false);
                return Problems.From(result, json => Results.Text(json, "application/json", statusCode: 201), "loan");
            })
            .RequireAuthorization(p => p.RequireRole(Payers))
            .WithSummary("Pay the loan off. A customer's payoff is a checkout for today's amount (202 pending; the loan closes when the provider confirms the money). Staff (optionally confirming the quoted amount): every instalment settled, the loan closed; Idempotency-Key honoured")
            .Accepts<PayoffCommands.PayoffInput>("application/json").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        MapHardship(group);
    }

    private static void MapHardship(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/hardship", async (Guid id, HttpContext http, HardshipCommands hardship, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<HardshipCommands.HardshipInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var result = await hardship.ApplyAsync(http.User.ToActor(), id, body.Value ?? new HardshipCommands.HardshipInput(null, null, null, null), ct).ConfigureAwait(false);
                return Problems.From(result, plan => Results.Created($"/api/v1/loans/{id}", plan), "loan");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.ServiceAgent, Roles.Manager, Roles.Admin))
            .WithSummary("Grant a hardship plan: payment-holiday (installments skipped, interest capitalised), term-extension (months added) or re-amortisation (months from today)")
            .Accepts<HardshipCommands.HardshipInput>("application/json").Produces<HardshipCommands.HardshipView>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

    /// <summary>The request's Idempotency-Key ("" when absent), or null when it is too long to be one.</summary>
    private static string? IdempotencyKey(HttpContext http)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        return key.Length > 100 ? null : key;
    }
}
