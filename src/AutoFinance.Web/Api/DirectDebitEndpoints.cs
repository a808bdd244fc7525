using AutoFinance.Application.Payments;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Payments;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>
/// Direct debit (代扣): a customer binds a card with the code texted to the mobile on file, sees and revokes their
/// mandates; staff run a business day's debits (the scheduler runs it each day).
/// </summary>
public static class DirectDebitEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var mine = routes.MapGroup("/api/v1/me/mandates").WithTags("Direct debit").RequireAuthorization(p => p.RequireRole(Roles.Customer));
        mine.MapGet("/", async (HttpContext http, Mandates mandates, CancellationToken ct) => Results.Ok(await mandates.ListAsync(http.User.ToActor(), ct).ConfigureAwait(false)))
            .WithSummary("Your bound cards (masked) and whether each may still be debited").Produces<IReadOnlyList<Mandates.MandateView>>();
        mine.MapPost("/code", async (HttpContext http, Mandates mandates, CancellationToken ct) =>
                Problems.From(await mandates.RequestCodeAsync(http.User.ToActor(), http.Connection.RemoteIpAddress?.ToString(), ct).ConfigureAwait(false), CodeAnswers.Of, "customer"))
            .WithSummary("Text a card-binding code to your mobile on file").ProducesProblem(409).ProducesProblem(429);
        mine.MapPost("/", (HttpContext http, Mandates mandates, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new Mandates.BindInput(null, null, null, null), async input =>
                {
                    try
                    {
                        return Problems.From(await mandates.BindCardAsync(http.User.ToActor(), input, ct).ConfigureAwait(false), view => Results.Created($"/api/v1/me/mandates/{view.MandateId}", view), "customer");
                    }
                    catch (PaymentProviderException)
                    {
                        return Results.Problem(title: "Provider unavailable", detail: "the payment provider could not bind the card now; try again later", statusCode: 503, extensions: new Dictionary<string, object?> { ["code"] = "provider.unavailable" });
                    }
                }, ct))
            .WithSummary("Bind a card for direct debit with the code texted to you (the number goes to the provider only; a masked card is kept)")
            .Accepts<Mandates.BindInput>("application/json").Produces<Mandates.MandateView>(201).ProducesValidationProblem().ProducesProblem(409).ProducesProblem(503);
        mine.MapDelete("/{id:guid}", async (Guid id, HttpContext http, Mandates mandates, CancellationToken ct) =>
                Problems.From(await mandates.RevokeAsync(http.User.ToActor(), id, ct).ConfigureAwait(false), view => Results.Ok(view), "mandate"))
            .WithSummary("Revoke a mandate: nothing more is debited under it").Produces<Mandates.MandateView>().ProducesProblem(404);

        routes.MapPost("/api/v1/servicing/direct-debits/run", async (DateOnly? date, DirectDebitRun run, TimeProvider time, CancellationToken ct) =>
            {
                // A day not yet come would take customers' money before it is due.
                var today = Application.Servicing.BusinessDay.Today(time);
                return Application.Servicing.BusinessDay.CloseDateError("date", date ?? today, today) is { } problem
                    ? Problems.Validation([problem])
                    : Results.Ok(await run.RunAsync(date ?? today, ct).ConfigureAwait(false));
            })
            .WithTags("Direct debit")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin))
            .WithSummary("Ask the provider for what fell due today (or on date=) by direct debit, and again on the retry days; a day run twice asks nothing twice")
            .Produces<DirectDebitRun.Result>().ProducesValidationProblem();
    }
}
