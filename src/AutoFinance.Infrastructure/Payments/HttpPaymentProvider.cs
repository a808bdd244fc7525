using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Application.Payments;
using AutoFinance.Infrastructure.Partners;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// The payment provider over its HTTP API (<c>/payments/v1/...</c>), at the address <see cref="PartnerDirectory"/> gives
/// for <c>Payments</c>: the simulator in development and tests, the real provider's in production.
/// </summary>
public sealed class HttpPaymentProvider(PartnerDirectory partners, PaymentProviderSettings settings) : IPaymentProvider, IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(15) };

    public string Name => settings.Name;

    public async Task<ProviderCheckout> CreateCheckoutAsync(CheckoutOrder order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var answer = await PostAsync("checkouts", new
        {
            merchantReference = order.MerchantReference,
            amount = order.Amount,
            currency = order.Currency,
            description = order.Description,
            notifyUrl = order.NotifyUrl,
            returnUrl = order.ReturnUrl,
        }, ct).ConfigureAwait(false);
        return new ProviderCheckout(Text(answer, "checkoutId"), new Uri(Text(answer, "checkoutUrl")));
    }

    public async Task<ProviderInstruction> CreatePayoutAsync(PayoutOrder order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var answer = await PostAsync("payouts", new
        {
            merchantReference = order.MerchantReference,
            amount = order.Amount,
            currency = order.Currency,
            payeeName = order.PayeeName,
            payeeAccount = order.PayeeAccount,
            payeeBank = order.PayeeBank,
            mandateReference = order.MandateReference,
            notifyUrl = order.NotifyUrl,
        }, ct).ConfigureAwait(false);
        return new ProviderInstruction(Text(answer, "payoutId"));
    }

    public async Task<PayoutCancellation> CancelPayoutAsync(string merchantReference, Uri notifyUrl, CancellationToken ct)
    {
        // A conflict is the provider's answer here: the payout was carried out already, and cannot be cancelled.
        var (status, _) = await SendAsync("payouts/cancel", new { merchantReference, notifyUrl }, HttpStatusCode.Conflict, ct).ConfigureAwait(false);
        return status == HttpStatusCode.Conflict ? PayoutCancellation.CarriedOut : PayoutCancellation.Cancelled;
    }

    public async Task<bool> ResendPayoutNoticeAsync(string merchantReference, Uri notifyUrl, CancellationToken ct)
    {
        // Not found is the provider's answer here: no payout under the reference has ended yet.
        var (status, _) = await SendAsync("payouts/notify", new { merchantReference, notifyUrl }, HttpStatusCode.NotFound, ct).ConfigureAwait(false);
        return status != HttpStatusCode.NotFound;
    }

    public async Task<ProviderMandate> CreateMandateAsync(MandateOrder order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var answer = await PostAsync("mandates", new { merchantReference = order.MerchantReference, cardNumber = order.CardNumber, holderName = order.HolderName, bank = order.Bank }, ct).ConfigureAwait(false);
        return new ProviderMandate(Text(answer, "mandateReference"), Text(answer, "maskedCard"), Text(answer, "bank"));
    }

    public async Task<ProviderInstruction> CreateDebitAsync(DebitOrder order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var answer = await PostAsync("debits", new
        {
            merchantReference = order.MerchantReference,
            mandateReference = order.MandateReference,
            amount = order.Amount,
            currency = order.Currency,
            notifyUrl = order.NotifyUrl,
        }, ct).ConfigureAwait(false);
        return new ProviderInstruction(Text(answer, "debitId"));
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> PostAsync(string path, object body, CancellationToken ct) =>
        (await SendAsync(path, body, null, ct).ConfigureAwait(false)).Answer;

    /// <summary>Posts a request; the status and answer of a success, or of <paramref name="answered"/> where the provider answers with it.</summary>
    private async Task<(HttpStatusCode Status, JsonElement Answer)> SendAsync(string path, object body, HttpStatusCode? answered, CancellationToken ct)
    {
        var address = new Uri(partners.BaseAddressFor("Payments"), $"/payments/v1/{path}");
        try
        {
            using var response = await _http.PostAsJsonAsync(address, body, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode && response.StatusCode != answered)
            {
                var unanswered = MayHaveTaken(response.StatusCode);
                throw new PaymentProviderException(string.Create(CultureInfo.InvariantCulture,
                    $"the payment provider {(unanswered ? "gave no usable answer to" : "refused")} {path} ({(int)response.StatusCode})"))
                {
                    Failure = unanswered ? ProviderFailure.Unanswered : ProviderFailure.Refused,
                };
            }

            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false));
        }
        catch (HttpRequestException e)
        {
            // Only a connection never made is sure to have left nothing at the provider.
            throw new PaymentProviderException($"the payment provider could not be reached for {path}", e)
            {
                Failure = e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError ? ProviderFailure.NotReached : ProviderFailure.Unanswered,
            };
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new PaymentProviderException($"the payment provider did not answer {path} in time", e) { Failure = ProviderFailure.Unanswered };
        }
        catch (JsonException e)
        {
            throw new PaymentProviderException($"the payment provider's answer to {path} could not be read", e) { Failure = ProviderFailure.Unanswered };
        }
    }

    /// <summary>
    /// A server error or a gateway's timeout says nothing of whether the request was carried out; a conflict says the
    /// provider already holds something under the reference. Any other refusal (a bad request, a rate limit) took nothing.
    /// </summary>
    private static bool MayHaveTaken(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.Conflict;

    private static string Text(JsonElement answer, string property) =>
        answer.TryGetProperty(property, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw new PaymentProviderException($"the payment provider's answer has no {property}") { Failure = ProviderFailure.Unanswered };
}
