using AutoFinance.Application.Security;
using AutoFinance.Domain.Lifecycle;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Infrastructure.Payouts;
using AutoFinance.Infrastructure.Search;
using AutoFinance.Web.Auth;

using AutoFinance.Web.Lists;

namespace AutoFinance.Web.Api;

/// <summary>The payout queue, the pain.001 credit-transfer files, and dealers' settlement accounts (changed under four eyes).</summary>
public static class PayoutEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var payouts = routes.MapGroup("/api/v1/payouts").WithTags("Payouts").RequireAuthorization(p => p.RequireRole(Roles.Underwriter, Roles.Manager, Roles.Admin));
        payouts.MapList("/", BackOfficeLists.Payouts, ReadPayouts, "Payouts newest first");
        payouts.MapListExport("/export.csv", BackOfficeLists.Payouts, ReadPayouts);
        payouts.MapPost("/files", async (HttpContext http, PayoutFiles files, CancellationToken ct) =>
                await files.WriteNewAsync(http.User.ToActor().AuditName, ct).ConfigureAwait(false) is { } file
                    ? Results.Created($"/api/v1/payouts/files/{file.MessageId}", Summary(file))
                    : Results.Problem(title: "Conflict", detail: "no payout of the bank-file channel is waiting for a file", statusCode: 409,
                        extensions: new Dictionary<string, object?> { ["code"] = NothingWaiting }))
            .WithSummary("Writes the pending payouts of the file channel that no file carries yet into a new ISO 20022 pain.001.001.09 credit-transfer file for the bank: 201 with its message id, transfers and total (each payout goes into one file only; each EndToEndId is the payout's reference, and the camt.053 debit line carrying it confirms the payout); 409 payout-file.nothing-waiting when none is waiting")
            .Produces<FileAnswer>(201).ProducesProblem(409);
        payouts.MapGet("/files", async (PayoutFiles files, CancellationToken ct) => Results.Ok(await files.RecentAsync(50, ct).ConfigureAwait(false)))
            .WithSummary("The 50 newest bank files: message id, when written, transfers, total, and how many the bank's statement confirmed or came back failed; a file the bank rejected whole with when, the bank's reason and how many payouts moved to the next file (rejected)")
            .Produces<IReadOnlyList<PayoutFiles.FileSummary>>();
        payouts.MapGet("/files/{messageId}", async (string messageId, PayoutFiles files, CancellationToken ct) =>
                await files.ReadAsync(messageId, ct).ConfigureAwait(false) is { } file
                    ? Results.File(System.Text.Encoding.UTF8.GetBytes(file.Xml), "application/xml", $"{file.MessageId}.pain.001.xml")
                    : Problems.NotFound("bank file"))
            .WithSummary("A bank file as it was written (the same message id, time and transfers), to download again")
            .Produces(200, contentType: "application/xml").ProducesProblem(404);
        payouts.MapPost("/status-reports", async (HttpContext http, PayoutStatusReports reports, CancellationToken ct) =>
            {
                using var reader = new StreamReader(http.Request.Body);
                var content = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
                return Problems.From(await reports.ImportAsync(http.User.ToActor(), content, ct).ConfigureAwait(false), summary => Results.Ok(summary), "bank file");
            })
            .WithSummary("Import the bank's ISO 20022 pain.002 status report on a bank file: a rejected transfer fails its payout with the bank's reason (the contract can be paid out again; a refund is owed again); a file rejected whole releases its pending payouts for the next file and stays listed with the bank's reason (GrpSts RJCT with StsRsnInf); a report imported again changes nothing more")
            .Produces<PayoutStatusReports.Summary>().ProducesValidationProblem();

        payouts.MapPost("/{id:guid}/cancel", async (Guid id, HttpContext http, PayoutCancellations cancellations, CancellationToken ct) =>
                await BodyHandler.WithBodyAsync(http, new PayoutCancellations.CancelInput(null), async input =>
                {
                    try
                    {
                        return Problems.From(await cancellations.CancelAsync(http.User.ToActor(), id, input, ct).ConfigureAwait(false), v => Results.Ok(v), "payout");
                    }
                    catch (Application.Payments.PaymentProviderException)
                    {
                        return ProviderUnavailable();
                    }
                }, ct).ConfigureAwait(false))
            .RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin))
            .WithSummary("Cancels a pending payout not carried out yet ({\"reason\"}): one the payment provider holds or never answered, which the provider must confirm it cancelled (it then refuses the reference for good), or one of the file channel no bank file carries yet. 200 with the payout failed as cancelled (the contract can be paid out again; a refund is owed again); 409 payout.carried-out when the provider carried it out already (the provider is asked to send its callback again, which settles it), payout.in-file, payout.not-pending; 503 payment.provider.unavailable when the provider could not be asked (nothing changed)")
            .Produces<PayoutView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(503);

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

    /// <summary>The stable code of a new file asked for with nothing to put in it.</summary>
    public const string NothingWaiting = "payout-file.nothing-waiting";

    /// <summary>A file just written, as the API answers it (the XML is at its own address).</summary>
    public sealed record FileAnswer(string MessageId, DateTimeOffset CreatedAt, int Transfers, decimal Total);

    private static FileAnswer Summary(PayoutFiles.PayoutFile file) => new(file.MessageId, file.CreatedAt, file.Transfers, file.Total);

    private static async Task<IEnumerable<CustomerRefunds.RefundOwed>> ReadRefunds(HttpContext http, ListAsk ask, CancellationToken ct) =>
        await http.RequestServices.GetRequiredService<CustomerRefunds>().AllOwedAsync(ct).ConfigureAwait(false);

    private static async Task<IEnumerable<PayoutView>> ReadPayouts(HttpContext http, ListAsk ask, CancellationToken ct) =>
        (await http.RequestServices.GetRequiredService<DealerPayouts>()
            .PageAsync(ask.Status is { } word && StateWords<PayoutStatus>.TryParse(word, out var status) ? status : null, 1, int.MaxValue, ct).ConfigureAwait(false)).Items;

    private static IResult ProviderUnavailable() =>
        Results.Problem(title: "Payment provider unavailable", detail: "the payment provider could not be asked to cancel the payout; nothing changed, try again shortly", statusCode: 503,
            extensions: new Dictionary<string, object?> { ["code"] = "payment.provider.unavailable" });
}
