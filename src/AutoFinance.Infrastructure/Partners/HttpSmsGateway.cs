using System.Net.Http.Json;
using AutoFinance.Application.Payments;
using AutoFinance.Application.Verification;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace AutoFinance.Infrastructure.Partners;

/// <summary>
/// The SMS gateway over HTTP: <c>POST {base}/sms/v1/messages</c> with the message id, number and text; 202 means
/// accepted for delivery. Timeouts, retries and the circuit breaker come from the client's resilience pipeline
/// (<see cref="PartnerClients"/>); the message id lets the gateway drop a retried duplicate. Each message names where
/// the gateway pushes the customer's reply (<see cref="ReplyPath"/>), so "TD" can unsubscribe.
/// </summary>
public sealed class HttpSmsGateway(HttpClient http, PartnerDirectory partners, ILogger<HttpSmsGateway> logger, IPlatformAddress? platform = null) : ISmsGateway
{
    public const string Party = "Sms";

    /// <summary>The platform's endpoint for the gateway's signed reply callbacks.</summary>
    public const string ReplyPath = "api/v1/sms-replies";

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var address = new Uri(partners.BaseAddressFor(Party), "sms/v1/messages");
        try
        {
            using var response = await http.PostAsJsonAsync(address, new { messageId = message.MessageId, mobile = message.Mobile, text = message.Text, replyUrl = ReplyAddress() }, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                // The retries are spent (each retry is logged as Information, see PartnerTelemetry): this text failed.
                logger.LogWarning("SMS gateway answered {Status} for message {MessageId}", (int)response.StatusCode, message.MessageId);
                throw new SmsGatewayUnavailableException($"the SMS gateway answered {(int)response.StatusCode}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "SMS gateway could not be reached for message {MessageId}", message.MessageId);
            throw new SmsGatewayUnavailableException("the SMS gateway could not be reached", e);
        }
    }

    /// <summary>Where replies go; none from a process that serves no callbacks (the command line) or before the server listens.</summary>
    private Uri? ReplyAddress()
    {
        try
        {
            return platform is null ? null : new Uri(platform.BaseAddress, ReplyPath);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
