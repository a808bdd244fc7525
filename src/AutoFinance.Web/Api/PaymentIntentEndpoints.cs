using AutoFinance.Application.Payments;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Payments;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>
/// A customer's payment is an intent: the provider's checkout is opened and the answer is 202 pending with its
/// address; the money is posted only when the provider's signed callback says it arrived.
/// </summary>
public static class PaymentIntentEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/loans/{id:guid}/payment-intents").WithTags("Payments").RequireAuthorization();
        group.MapGet("/", async (Guid id, HttpContext http, PaymentIntents intents, CancellationToken ct) =>
                await intents.ListAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } list ? Results.Ok(list) : Problems.NotFound("loan"))
            .WithSummary("The loan's payment intents, newest first: pending, succeeded (with the provider's reference and the payment posted), failed or expired")
            .Produces<IReadOnlyList<PaymentIntents.IntentView>>().ProducesProblem(404);
        group.MapGet("/{paymentId:guid}", async (Guid id, Guid paymentId, HttpContext http, PaymentIntents intents, CancellationToken ct) =>
                await intents.GetAsync(http.User.ToActor(), id, paymentId, ct).ConfigureAwait(false) is { } intent ? Results.Ok(intent) : Problems.NotFound("payment"))
            .WithSummary("One payment intent and its outcome").Produces<PaymentIntents.IntentView>().ProducesProblem(404);
    }

    /// <summary>A customer's <c>POST /loans/{id}/payments</c>: the intent, 202 pending with the provider's checkout address.</summary>
    public static async Task<IResult> StartAsync(Guid loanId, HttpContext http, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var body = await JsonBody.ReadAsync<PaymentIntents.IntentInput>(http.Request, ct).ConfigureAwait(false);
        if (body.Error is { } error)
        {
            return Problems.Validation([error]);
        }

        var intents = http.RequestServices.GetRequiredService<PaymentIntents>();
        try
        {
            var result = await intents.StartAsync(http.User.ToActor(), loanId, body.Value ?? new PaymentIntents.IntentInput(null), idempotencyKey, ct).ConfigureAwait(false);
            return Problems.From(result, intent => Results.Accepted($"/api/v1/loans/{loanId}/payment-intents/{intent.PaymentId}", intent), "loan");
        }
        catch (PaymentProviderException)
        {
            return Unavailable();
        }
    }

    /// <summary>A customer's <c>POST /loans/{id}/payoff</c>: a checkout for today's payoff amount; the loan closes when the money arrives.</summary>
    public static async Task<IResult> StartPayoffAsync(Guid loanId, HttpContext http, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var body = await JsonBody.ReadAsync<Application.Servicing.PayOff.PayOffRequest>(http.Request, ct).ConfigureAwait(false);
        if (body.Error is { } error)
        {
            return Problems.Validation([error]);
        }

        var actor = http.User.ToActor();
        var amount = body.Value?.Amount ?? await http.RequestServices.GetRequiredService<LoanPosting>().PayoffTodayAsync(actor, loanId, ct).ConfigureAwait(false);
        if (amount == 0m)
        {
            // The credit the loan holds pays it off: no money moves, so no checkout.
            var paidOff = await http.RequestServices.GetRequiredService<Application.Servicing.PayOff.PayOffHandler>()
                .HandleAsync(actor, loanId, new Application.Servicing.PayOff.PayOffRequest(null, 0m), idempotencyKey, ct).ConfigureAwait(false);
            return Problems.From(paidOff, receipt => Results.Text(Json.Serialize(receipt), "application/json", statusCode: 201), "loan");
        }

        var intents = http.RequestServices.GetRequiredService<PaymentIntents>();
        try
        {
            var result = await intents.StartAsync(actor, loanId, new PaymentIntents.IntentInput(amount, "hold", body.Value?.PaidOn), idempotencyKey, ct, PaymentIntents.PayoffKind).ConfigureAwait(false);
            return Problems.From(result, intent => Results.Accepted($"/api/v1/loans/{loanId}/payment-intents/{intent.PaymentId}", intent), "loan");
        }
        catch (PaymentProviderException)
        {
            return Unavailable();
        }
    }

    private static IResult Unavailable() =>
        Results.Problem(title: "Payment provider unavailable", detail: "the payment provider cannot be reached; nothing was charged, try again shortly", statusCode: 503,
            extensions: new Dictionary<string, object?> { ["code"] = "payment.provider.unavailable" });

    public static bool PaysThroughProvider(Actor actor) => actor?.Role == Roles.Customer;
}
