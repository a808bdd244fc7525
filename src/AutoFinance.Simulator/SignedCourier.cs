using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AutoFinance.Simulator;

/// <summary>One body a party sends to the platform, with how often it was tried and whether the platform took it.</summary>
internal sealed class SignedDelivery(string id, Uri url, string body)
{
    public string Id => id;

    public Uri Url => url;

    public string Body => body;

    public int Attempts;

    public bool Acknowledged;

    /// <summary>What the platform answered the attempt it took, as a sandbox's dashboard shows it.</summary>
    public string? Answer;
}

/// <summary>
/// Delivers what a party reports the way real ones do: asynchronously, signed with HMAC-SHA256 over the timestamp, a
/// dot and the body (the party's timestamp header, and its signature header as <c>sha256=&lt;hex&gt;</c>), retried with
/// growing delays until the platform answers 2xx or the schedule runs out. Each attempt is signed afresh.
/// </summary>
internal sealed class SignedCourier(string secret, string timestampHeader, string signatureHeader, IReadOnlyList<TimeSpan> retryDelays, IHttpClientFactory clients, TimeProvider time, ILogger logger, CancellationToken stopping)
{
    public void Start(SignedDelivery delivery) => _ = Task.Run(() => DeliverAsync(delivery), stopping);

    /// <summary>One attempt (as a dashboard's "resend" does), whatever happened before: whether the platform took it.</summary>
    public async Task<bool> AttemptAsync(SignedDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        Interlocked.Increment(ref delivery.Attempts);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json") };
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(timestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(signatureHeader, Sign(timestamp, delivery.Body));
            using var response = await clients.CreateClient("callbacks").SendAsync(request, stopping).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                delivery.Answer = await response.Content.ReadAsStringAsync(stopping).ConfigureAwait(false);
                delivery.Acknowledged = true;
                return true;
            }

            logger.LogInformation("Delivery {Id} answered {Status}", delivery.Id, (int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            logger.LogInformation("Delivery {Id} not delivered: {Error}", delivery.Id, e.Message);
        }
        catch (TaskCanceledException) when (!stopping.IsCancellationRequested)
        {
            logger.LogInformation("Delivery {Id} timed out", delivery.Id);
        }

        return false;
    }

    private async Task DeliverAsync(SignedDelivery delivery)
    {
        for (var attempt = 0; !stopping.IsCancellationRequested; attempt++)
        {
            if (await AttemptAsync(delivery).ConfigureAwait(false))
            {
                return;
            }

            if (attempt >= retryDelays.Count)
            {
                logger.LogWarning("Delivery {Id} gave up after {Attempts} attempts", delivery.Id, delivery.Attempts);
                return;
            }

            await Task.Delay(retryDelays[attempt], time, stopping).ConfigureAwait(false);
        }
    }

    private string Sign(long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}")));
}
