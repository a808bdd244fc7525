using System.Globalization;
using System.Text.Json;

namespace AutoFinance.Simulator.Payments;

/// <summary>
/// The provider's callbacks: an event body kept in the book and delivered by a <see cref="SignedCourier"/> with the
/// provider's headers (<c>X-Pay-Timestamp</c>, <c>X-Pay-Signature</c>) and retry schedule.
/// </summary>
internal sealed class CallbackCourier(ProviderBook book, ProviderSettings settings, IHttpClientFactory clients, TimeProvider time, ILogger logger, CancellationToken stopping)
{
    private readonly SignedCourier _courier = new(settings.Secret, "X-Pay-Timestamp", "X-Pay-Signature", settings.RetryDelays, clients, time, logger, stopping);

    /// <summary>Records the event and delivers it, unless <paramref name="lost"/>: kept in the book, it is then sent only when the merchant asks for it again.</summary>
    public SignedDelivery Send(string type, string objectId, string merchantReference, string? transactionId, decimal amount, string currency, string? reason, Uri notifyUrl, bool lost = false)
    {
        var id = ProviderBook.NewId("evt");
        var body = JsonSerializer.Serialize(new
        {
            eventId = id,
            type,
            objectId,
            merchantReference,
            transactionId,
            amount = amount.ToString("0.00", CultureInfo.InvariantCulture),
            currency,
            reason,
            occurredAt = time.GetUtcNow(),
        });
        var delivery = new SignedDelivery(id, notifyUrl, body);
        book.Events[id] = delivery;
        if (!lost)
        {
            _courier.Start(delivery);
        }

        return delivery;
    }

    /// <summary>Delivers an event again on the retry schedule, as the merchant asked (its callback never arrived).</summary>
    public void Resend(SignedDelivery delivery) => _courier.Start(delivery);

    /// <summary>Delivers an event once more (as a provider's dashboard "resend" does), whatever happened before.</summary>
    public Task<bool> RedeliverAsync(SignedDelivery delivery) => _courier.AttemptAsync(delivery);
}
