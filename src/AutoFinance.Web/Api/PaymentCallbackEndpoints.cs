using AutoFinance.Application.Payments;
using AutoFinance.Infrastructure.Payments;

namespace AutoFinance.Web.Api;

/// <summary>
/// Where payment providers report outcomes. Nobody signs in here: a callback is believed only when its signature
/// verifies with the provider's secret (<see cref="SignedCallbacks"/>); anything else is refused and changes nothing.
/// </summary>
public static class PaymentCallbackEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/payment-callbacks/{provider}", async (string provider, HttpContext http, PaymentProviderSettings settings, PaymentCallbacks callbacks, WallClock wall, CancellationToken ct) =>
            {
                if (!string.Equals(provider, settings.Name, StringComparison.Ordinal))
                {
                    return Problems.NotFound("payment provider");
                }

                var (body, refusal) = await SignedCallbacks.ReadAsync(http, settings.CallbackSecret, CallbackSignature.TimestampHeader, CallbackSignature.SignatureHeader, wall.UtcNow, ct).ConfigureAwait(false);
                if (body is null)
                {
                    return refusal!;
                }

                if (ProviderCallbackReader.Read(body) is not { } callback)
                {
                    return Problems.Field("body", "is not a payment callback (eventId, type, objectId, merchantReference, amount, currency, occurredAt)");
                }

                return await callbacks.ReceiveAsync(provider, callback, ct).ConfigureAwait(false) switch
                {
                    PaymentCallbacks.Outcome.Unknown => Problems.NotFound("payment"),
                    PaymentCallbacks.Outcome.Mismatch => Results.Problem(title: "Conflict", detail: "the callback does not agree with the payment it names (amount, currency or transaction)", statusCode: 409,
                        extensions: new Dictionary<string, object?> { ["code"] = "callback.payment.mismatch" }),
                    PaymentCallbacks.Outcome.Busy => Busy(http),
                    var outcome => Results.Ok(new { received = callback.EventId, outcome = outcome.ToString().ToLowerInvariant() }),
                };
            })
            .AllowAnonymous()
            .WithTags("Payments")
            .WithSummary("A payment provider's signed callback (HMAC-SHA256 over timestamp and body): a verified success posts the money once per provider transaction id");

    /// <summary>A success that kept losing races to other changes of its loan: nothing stored, and the provider is asked to deliver it again.</summary>
    private static IResult Busy(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return Results.Problem(title: "Service Unavailable", detail: "the loan kept changing while the payment was posted; nothing was stored; deliver the callback again", statusCode: 503,
            extensions: new Dictionary<string, object?> { ["code"] = "callback.busy" });
    }
}
