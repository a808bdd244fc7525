using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AutoFinance.Simulator.Payments;

/// <summary>
/// Delivers callbacks the way a provider does: asynchronously, signed with HMAC-SHA256 over the timestamp, a dot and
/// the body (<c>X-Pay-Timestamp</c>, <c>X-Pay-Signature: sha256=&lt;hex&gt;</c>), retried with growing delays until the
/// merchant answers 2xx or the schedule runs out. Each attempt is signed afresh with its own timestamp.
/// </summary>
internal sealed class CallbackCourier(ProviderBook book, ProviderSettings settings, IHttpClientFactory clients, TimeProvider time, ILogger logger, CancellationToken stopping)
{
    public ProviderEvent Send(string type, string objectId, string merchantReference, string? transactionId, decimal amount, string currency, string? reason, Uri notifyUrl)
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
        var delivery = new ProviderEvent(id, notifyUrl, body);
        book.Events[id] = delivery;
        _ = Task.Run(() => DeliverAsync(delivery), stopping);
        return delivery;
    }

    /// <summary>Delivers an event once more (as a provider's dashboard "resend" does), whatever happened before.</summary>
    public Task<bool> RedeliverAsync(ProviderEvent delivery) => AttemptAsync(delivery);

    private async Task DeliverAsync(ProviderEvent delivery)
    {
        for (var attempt = 0; !stopping.IsCancellationRequested; attempt++)
        {
            if (await AttemptAsync(delivery).ConfigureAwait(false))
            {
                return;
            }

            if (attempt >= settings.RetryDelays.Count)
            {
                logger.LogWarning("Callback {Event} gave up after {Attempts} attempts", delivery.Id, delivery.Attempts);
                return;
            }

            await Task.Delay(settings.RetryDelays[attempt], time, stopping).ConfigureAwait(false);
        }
    }

    private async Task<bool> AttemptAsync(ProviderEvent delivery)
    {
        Interlocked.Increment(ref delivery.Attempts);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.NotifyUrl) { Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json") };
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add("X-Pay-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Pay-Signature", Sign(timestamp, delivery.Body));
            using var response = await clients.CreateClient("callbacks").SendAsync(request, stopping).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                delivery.Acknowledged = true;
                return true;
            }

            logger.LogInformation("Callback {Event} answered {Status}", delivery.Id, (int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            logger.LogInformation("Callback {Event} not delivered: {Error}", delivery.Id, e.Message);
        }
        catch (TaskCanceledException) when (!stopping.IsCancellationRequested)
        {
            logger.LogInformation("Callback {Event} timed out", delivery.Id);
        }

        return false;
    }

    private string Sign(long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.Secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}")));
}
