using AutoFinance.Application.Payments;
using AutoFinance.Infrastructure.Payments;

namespace AutoFinance.Web.Api;

/// <summary>
/// Where payment providers report outcomes. Nobody signs in here: a callback is believed only when its HMAC-SHA256
/// signature over timestamp and body verifies with the provider's secret within the five-minute window
/// (<see cref="CallbackSignature"/>); anything else is refused and changes nothing.
/// </summary>
public static class PaymentCallbackEndpoints
{
    private const int MaxBytes = 16 * 1024;

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/payment-callbacks/{provider}", async (string provider, HttpContext http, PaymentProviderSettings settings, PaymentCallbacks callbacks, WallClock wall, CancellationToken ct) =>
            {
                if (!string.Equals(provider, settings.Name, StringComparison.Ordinal))
                {
                    return Problems.NotFound("payment provider");
                }

                using var buffer = new MemoryStream();
                await http.Request.Body.CopyToAsync(buffer, ct).ConfigureAwait(false);
                if (buffer.Length > MaxBytes)
                {
                    return Results.Problem(title: "Too large", detail: "a callback is a few kilobytes at most", statusCode: 413);
                }

                var body = buffer.ToArray();
                var check = CallbackSignature.Verify(settings.CallbackSecret, http.Request.Headers[CallbackSignature.TimestampHeader], http.Request.Headers[CallbackSignature.SignatureHeader], body, wall.UtcNow);
                if (check != CallbackSignature.Check.Verified)
                {
                    var (code, detail) = check switch
                    {
                        CallbackSignature.Check.Stale => ("callback.timestamp.stale", "the callback's timestamp is more than five minutes from now"),
                        CallbackSignature.Check.Missing => ("callback.signature.missing", $"the callback carries no {CallbackSignature.TimestampHeader} and {CallbackSignature.SignatureHeader}"),
                        _ => ("callback.signature.invalid", "the callback's signature does not verify"),
                    };
                    return Results.Problem(title: "Callback refused", detail: detail, statusCode: 401, extensions: new Dictionary<string, object?> { ["code"] = code });
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
                    var outcome => Results.Ok(new { received = callback.EventId, outcome = outcome.ToString().ToLowerInvariant() }),
                };
            })
            .AllowAnonymous()
            .WithTags("Payments")
            .WithSummary("A payment provider's signed callback (HMAC-SHA256 over timestamp and body): a verified success posts the money once per provider transaction id");
}
