using AutoFinance.Application.Security;
using AutoFinance.Domain.Lifecycle;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Infrastructure.Payouts;
using AutoFinance.Infrastructure.Search;
using AutoFinance.Web.Auth;

using AutoFinance.Web.Lists;

namespace AutoFinance.Web.Api;

/// <summary>The payout queue, the pain.001 credit-transfer file, and dealers' settlement accounts (changed under four eyes).</summary>
public static class PayoutEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var payouts = routes.MapGroup("/api/v1/payouts").WithTags("Payouts").RequireAuthorization(p => p.RequireRole(Roles.Underwriter, Roles.Manager, Roles.Admin));
        payouts.MapList("/", BackOfficeLists.Payouts, ReadPayouts, "Payouts newest first");
        payouts.MapListExport("/export.csv", BackOfficeLists.Payouts, ReadPayouts);
        payouts.MapGet("/pain001", async (HttpContext http, PayoutFiles files, CancellationToken ct) =>
            {
                var file = await files.WriteAsync(http.User.ToActor().AuditName, ct).ConfigureAwait(false);
                return Results.File(System.Text.Encoding.UTF8.GetBytes(file.Xml), "application/xml", $"{file.MessageId}.pain.001.xml");
            })
            .WithSummary("The pending payouts of the file channel as one ISO 20022 pain.001.001.09 credit-transfer file for the bank (each EndToEndId is the payout's reference; the camt.053 debit line carrying it confirms the payout)")
            .Produces(200, contentType: "application/xml");

        var refunds = routes.MapGroup("/api/v1").WithTags("Payouts").RequireAuthorization(p => p.RequireRole(Roles.Underwriter, Roles.Manager, Roles.Admin));
        refunds.MapList("/refunds", BackOfficeLists.Refunds, ReadRefunds, "Closed loans still owing their customers money (refund payable less refunds on their way), largest first (status=card|no-card: a card on file to pay it back to)");
        refunds.MapListExport("/refunds/export.csv", BackOfficeLists.Refunds, ReadRefunds);
        refunds.MapPost("/loans/{id:guid}/refund", async (Guid id, HttpContext http, CustomerRefunds owed, CancellationToken ct) =>
            {
                var key = http.Request.Headers["Idempotency-Key"].ToString();
                if (key.Length > 100)
                {
                    return Problems.Field("Idempotency-Key", "must be at most 100 characters");
                }

                // Bodiless: back to the customer's bound card through the provider.
                var body = http.Request.HasJsonContentType() ? await JsonBody.ReadAsync<CustomerRefunds.RefundInput>(http.Request, ct).ConfigureAwait(false) : null;
                if (body?.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var input = body?.Value ?? new CustomerRefunds.RefundInput(null, null, null);
                return Problems.From(await owed.InstructAsync(http.User.ToActor(), id, input, key, ct).ConfigureAwait(false), v => Results.Accepted(value: v), "loan");
            })
            .WithSummary("Pays a closed loan's credit back to its customer ({\"channel\": \"provider|file\", \"accountNumber\", \"bank\"}; without an account, to the card under the customer's mandate): 202 with the payout, pending until the provider or the bank statement confirms it; Idempotency-Key makes a retry safe")
            .Produces<PayoutView>(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        var accounts = routes.MapGroup("/api/v1/dealers/{id:guid}/settlement-account").WithTags("Payouts");
        accounts.MapGet("/", async (Guid id, SettlementAccounts settlement, CancellationToken ct) =>
                await settlement.ViewAsync(id, ct).ConfigureAwait(false) is { } view ? Results.Ok(view) : Problems.NotFound("dealer"))
            .RequireAuthorization(p => p.RequireRole(Roles.Underwriter, Roles.Manager, Roles.Admin))
            .WithSummary("The dealer's verified settlement account (masked) and a change waiting for approval; the empty id is the direct online channel's")
            .Produces<SettlementAccounts.DealerAccountView>().ProducesProblem(404);
        accounts.MapPut("/", async (Guid id, HttpContext http, SettlementAccounts settlement, CancellationToken ct) =>
                await BodyHandler.WithBodyAsync(http, new SettlementAccounts.AccountInput(null, null, null, null), async input =>
                    Problems.From(await settlement.RequestChangeAsync(http.User.ToActor(), id, input, ct).ConfigureAwait(false), v => Results.Accepted(value: v), "dealer"), ct).ConfigureAwait(false))
            .RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin))
            .WithSummary("Ask to set or change the dealer's settlement account ({\"payeeName\", \"bank\", \"accountNumber\", \"reason\"}): 202, carried out when a second manager or admin approves it")
            .Produces(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IEnumerable<CustomerRefunds.RefundOwed>> ReadRefunds(HttpContext http, ListAsk ask, CancellationToken ct) =>
        await http.RequestServices.GetRequiredService<CustomerRefunds>().AllOwedAsync(ct).ConfigureAwait(false);

    private static async Task<IEnumerable<PayoutView>> ReadPayouts(HttpContext http, ListAsk ask, CancellationToken ct) =>
        (await http.RequestServices.GetRequiredService<DealerPayouts>()
            .PageAsync(ask.Status is { } word && StateWords<PayoutStatus>.TryParse(word, out var status) ? status : null, 1, int.MaxValue, ct).ConfigureAwait(false)).Items;
}
