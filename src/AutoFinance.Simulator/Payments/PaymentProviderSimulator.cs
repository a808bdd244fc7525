using System.Globalization;
using System.Text.Json;

namespace AutoFinance.Simulator.Payments;

/// <summary>
/// A payment provider: hosted checkouts (paid, declined, or expired when left alone), card mandates, direct debits and
/// payouts, every outcome reported by a signed callback retried until acknowledged (<see cref="CallbackCourier"/>).
/// The <c>/payments/v1/sandbox</c> endpoints are what a provider's sandbox offers testers: expire a checkout now,
/// see the events sent, resend one.
/// </summary>
public static class PaymentProviderSimulator
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = ProviderSettings.From(app.Configuration);
        var time = app.Services.GetRequiredService<TimeProvider>();
        var book = new ProviderBook();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PaymentProvider");
        var courier = new CallbackCourier(book, settings, app.Services.GetRequiredService<IHttpClientFactory>(), time, logger, app.Lifetime.ApplicationStopping);
        var expiry = new CheckoutExpiry(book, courier, settings, time);
        app.Lifetime.ApplicationStarted.Register(() => expiry.Start(app.Lifetime.ApplicationStopping));

        var api = app.MapGroup("/payments/v1");
        api.MapPost("/checkouts", (CheckoutBody body, HttpContext http) =>
        {
            if (Invalid(body.MerchantReference, body.Amount, body.Currency) is { } problem || !Uri.TryCreate(body.NotifyUrl, UriKind.Absolute, out var notify) || !Uri.TryCreate(body.ReturnUrl, UriKind.Absolute, out var back))
            {
                return Results.BadRequest(new { error = "merchantReference, a positive amount, currency, notifyUrl and returnUrl are required" });
            }

            var checkout = new Checkout(ProviderBook.NewId("chk"), body.MerchantReference!, body.Amount, body.Currency!, body.Description ?? string.Empty, notify, back, time.GetUtcNow());
            book.Checkouts[checkout.Id] = checkout;
            var url = new Uri(new Uri($"{http.Request.Scheme}://{http.Request.Host}"), $"/pay/{checkout.Id}");
            return Results.Created(url, new { checkoutId = checkout.Id, checkoutUrl = url, expiresAt = checkout.CreatedAt + settings.CheckoutTimeout });
        });
        api.MapPost("/mandates", (MandateBody body) =>
        {
            var digits = body.CardNumber?.Replace(" ", string.Empty, StringComparison.Ordinal) ?? string.Empty;
            if (digits.Length is < 12 or > 19 || !digits.All(char.IsAsciiDigit) || string.IsNullOrWhiteSpace(body.Bank))
            {
                return Results.BadRequest(new { error = "a card number of 12 to 19 digits and the bank are required" });
            }

            var mandate = new Mandate(ProviderBook.NewId("mdt"), digits, body.Bank!);
            book.Mandates[mandate.Reference] = mandate;
            return Results.Created($"/payments/v1/mandates/{mandate.Reference}", new { mandateReference = mandate.Reference, maskedCard = $"{digits[..4]} **** **** {digits[^4..]}", bank = mandate.Bank });
        });
        api.MapPost("/debits", (DebitBody body) =>
        {
            // As for payouts, the merchant reference is the debit's idempotency key: asked again, the debit taken is
            // answered and the card is not charged twice.
            var key = $"{body.NotifyUrl}\n{body.MerchantReference}";
            if (body.MerchantReference is not null && book.Debits.TryGetValue(key, out var held))
            {
                return Again(held, body.Amount, body.Currency, body.MandateReference ?? string.Empty, "debitId");
            }

            if (Invalid(body.MerchantReference, body.Amount, body.Currency) is not null || !Uri.TryCreate(body.NotifyUrl, UriKind.Absolute, out var notify)
                || body.MandateReference is null || !book.Mandates.TryGetValue(body.MandateReference, out var mandate))
            {
                return Results.BadRequest(new { error = "merchantReference, a known mandateReference, a positive amount, currency and notifyUrl are required" });
            }

            if (SandboxCards.LosesRequest(mandate.CardNumber) && book.FirstSeen($"debit\n{key}"))
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            var debit = new Instruction(ProviderBook.NewId("dbt"), body.MerchantReference!, body.Amount, body.Currency!, mandate.Reference);
            if (book.Debits.GetOrAdd(key, debit) is var first && !ReferenceEquals(first, debit))
            {
                return Again(first, body.Amount, body.Currency, mandate.Reference, "debitId");
            }

            var declined = mandate.Declines();
            Later(settings.SettleDelay, time, app.Lifetime.ApplicationStopping, () => courier.Send(declined ? "debit.failed" : "debit.succeeded", debit.Id, debit.MerchantReference,
                declined ? null : ProviderBook.NewId("txn"), debit.Amount, debit.Currency, declined ? "insufficient-funds" : null, notify));
            return SandboxCards.LosesAnswer(mandate.CardNumber)
                ? Results.StatusCode(StatusCodes.Status504GatewayTimeout)
                : Results.Accepted($"/payments/v1/debits/{debit.Id}", new { debitId = debit.Id });
        });
        api.MapPost("/payouts", (PayoutBody body) =>
        {
            // A payout goes to an account, or back to the card bound under a mandate (a refund).
            var card = body.MandateReference is { Length: > 0 } reference && book.Mandates.TryGetValue(reference, out var mandate) ? mandate : null;
            var payee = card?.CardNumber ?? body.PayeeAccount ?? string.Empty;
            // The merchant reference is the payout's idempotency key: asked again, the payout taken is answered, never a
            // second one. References are the merchant's own, so they are kept per merchant, known by where it is called back.
            var key = $"{body.NotifyUrl}\n{body.MerchantReference}";
            if (book.PayoutEnds.TryGetValue(key, out var end) && end == ProviderBook.Cancelled)
            {
                return Results.Conflict(new { error = "merchantReference was cancelled" });
            }

            if (body.MerchantReference is not null && book.Payouts.TryGetValue(key, out var held))
            {
                return Again(held, body.Amount, body.Currency, payee, "payoutId");
            }

            if (Invalid(body.MerchantReference, body.Amount, body.Currency) is not null || !Uri.TryCreate(body.NotifyUrl, UriKind.Absolute, out var notify)
                || (string.IsNullOrWhiteSpace(body.PayeeAccount) && card is null) || string.IsNullOrWhiteSpace(body.PayeeName))
            {
                return Results.BadRequest(new { error = "merchantReference, a positive amount, currency, payeeName, payeeAccount or a known mandateReference, and notifyUrl are required" });
            }

            if (SandboxCards.LosesRequest(payee) && book.FirstSeen(key))
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            var payout = new Instruction(ProviderBook.NewId("pyt"), body.MerchantReference!, body.Amount, body.Currency!, payee);
            if (book.Payouts.GetOrAdd(key, payout) is var first && !ReferenceEquals(first, payout))
            {
                return Again(first, body.Amount, body.Currency, payee, "payoutId");
            }

            var declined = SandboxCards.Declines(payee, 0);
            if (!SandboxCards.HeldForReview(payee))
            {
                // Carried out unless the merchant cancelled it first.
                Later(settings.SettleDelay, time, app.Lifetime.ApplicationStopping, () =>
                {
                    if (book.PayoutEnds.TryAdd(key, ProviderBook.CarriedOut))
                    {
                        courier.Send(declined ? "payout.failed" : "payout.succeeded", payout.Id, payout.MerchantReference,
                            declined ? null : ProviderBook.NewId("txn"), payout.Amount, payout.Currency, declined ? "account-closed" : null, notify,
                            lost: SandboxCards.LosesCallback(payee));
                        if (!declined && SandboxCards.ReturnedLater(payee))
                        {
                            // The payee's bank sends the money back some time after it arrived.
                            Later(settings.SettleDelay, time, app.Lifetime.ApplicationStopping, () => courier.Send("payout.returned", payout.Id, payout.MerchantReference,
                                ProviderBook.NewId("rtn"), payout.Amount, payout.Currency, "account-closed", notify, lost: false));
                        }
                    }
                });
            }
            return SandboxCards.LosesAnswer(payee)
                ? Results.StatusCode(StatusCodes.Status504GatewayTimeout)
                : Results.Accepted($"/payments/v1/payouts/{payout.Id}", new { payoutId = payout.Id });
        });

        // The merchant asks for a payout's callback again (it never arrived): the event of how the payout ended, as first
        // sent, on the retry schedule. Not found while the payout has not ended (nothing was carried out under the reference).
        api.MapPost("/payouts/notify", (ReferenceBody body) =>
        {
            if (string.IsNullOrWhiteSpace(body.MerchantReference) || !Uri.TryCreate(body.NotifyUrl, UriKind.Absolute, out var notify))
            {
                return Results.BadRequest(new { error = "merchantReference and notifyUrl are required" });
            }

            var ended = book.Events.Values
                .Where(e => e.Url == notify)
                .Select(e => (Event: e, Body: JsonDocument.Parse(e.Body).RootElement))
                .FirstOrDefault(e => e.Body.GetProperty("merchantReference").GetString() == body.MerchantReference
                    && e.Body.GetProperty("type").GetString() is "payout.succeeded" or "payout.failed");
            if (ended.Event is null)
            {
                return Results.NotFound(new { error = "no payout under merchantReference has ended" });
            }

            courier.Resend(ended.Event);
            return Results.Accepted(value: new { eventId = ended.Event.Id });
        });

        api.MapPost("/payouts/cancel", (ReferenceBody body) =>
        {
            if (string.IsNullOrWhiteSpace(body.MerchantReference) || !Uri.TryCreate(body.NotifyUrl, UriKind.Absolute, out _))
            {
                return Results.BadRequest(new { error = "merchantReference and notifyUrl are required" });
            }

            // A reference never asked under is cancelled all the same: a request for it still on its way is refused.
            var end = book.PayoutEnds.GetOrAdd($"{body.NotifyUrl}\n{body.MerchantReference}", ProviderBook.Cancelled);
            return end == ProviderBook.Cancelled
                ? Results.Ok(new { status = ProviderBook.Cancelled })
                : Results.Conflict(new { status = end, error = "the payout was carried out already; its callback says how" });
        });

        app.MapGet("/pay/{id}", (string id) => book.Checkouts.TryGetValue(id, out var checkout)
            ? Results.Content(CheckoutPage.Render(checkout), "text/html; charset=utf-8")
            : Results.NotFound());
        app.MapPost("/pay/{id}/{choice:regex(^(pay|decline)$)}", (string id, string choice) =>
        {
            if (!book.Checkouts.TryGetValue(id, out var checkout))
            {
                return Results.NotFound();
            }

            var paid = choice == "pay";
            if (checkout.Settle(paid ? "succeeded" : "failed"))
            {
                courier.Send(paid ? "checkout.succeeded" : "checkout.failed", checkout.Id, checkout.MerchantReference, paid ? ProviderBook.NewId("txn") : null,
                    checkout.Amount, checkout.Currency, paid ? null : "declined-by-payer", checkout.NotifyUrl);
            }

            return Results.Redirect(checkout.ReturnUrl.ToString());
        });

        var sandbox = api.MapGroup("/sandbox");
        sandbox.MapPost("/checkouts/{id}/expire", (string id) =>
            book.Checkouts.TryGetValue(id, out var checkout) ? Results.Ok(new { expired = expiry.Expire(checkout) }) : Results.NotFound());
        sandbox.MapGet("/events", (string merchantReference) => Results.Ok(book.Events.Values
            .Select(e => (Event: e, Body: JsonDocument.Parse(e.Body).RootElement))
            .Where(e => e.Body.GetProperty("merchantReference").GetString() == merchantReference)
            .Select(e => new { eventId = e.Event.Id, type = e.Body.GetProperty("type").GetString(), attempts = e.Event.Attempts, acknowledged = e.Event.Acknowledged })));
        sandbox.MapPost("/events/{id}/resend", async (string id) =>
            book.Events.TryGetValue(id, out var delivery) ? Results.Ok(new { acknowledged = await courier.RedeliverAsync(delivery) }) : Results.NotFound());
    }

    /// <summary>A payout or debit asked for again under its reference: the same one is answered; anything else under it is a conflict.</summary>
    private static IResult Again(Instruction held, decimal amount, string? currency, string party, string idName) =>
        held.Amount == amount && held.Currency == currency && held.Party == party
            ? Results.Ok(new Dictionary<string, string> { [idName] = held.Id })
            : Results.Conflict(new { error = "merchantReference was already used for another instruction" });

    private static string? Invalid(string? reference, decimal amount, string? currency) =>
        string.IsNullOrWhiteSpace(reference) || amount <= 0 || string.IsNullOrWhiteSpace(currency) ? "invalid" : null;

    private static void Later(TimeSpan delay, TimeProvider time, CancellationToken stopping, Action action) =>
        _ = Task.Run(async () =>
        {
            await Task.Delay(delay, time, stopping).ConfigureAwait(false);
            action();
        }, stopping);

    internal sealed record CheckoutBody(string? MerchantReference, decimal Amount, string? Currency, string? Description, string? NotifyUrl, string? ReturnUrl);

    internal sealed record ReferenceBody(string? MerchantReference, string? NotifyUrl);

    internal sealed record MandateBody(string? MerchantReference, string? CardNumber, string? HolderName, string? Bank);

    internal sealed record DebitBody(string? MerchantReference, string? MandateReference, decimal Amount, string? Currency, string? NotifyUrl);

    internal sealed record PayoutBody(string? MerchantReference, decimal Amount, string? Currency, string? PayeeName, string? PayeeAccount, string? PayeeBank, string? MandateReference, string? NotifyUrl);
}
