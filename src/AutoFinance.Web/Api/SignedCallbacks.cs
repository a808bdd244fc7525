using AutoFinance.Application.Payments;

namespace AutoFinance.Web.Api;

/// <summary>
/// What an outside party pushes to the platform (a payment provider's outcome, the SMS gateway's reply) is believed
/// only when its HMAC-SHA256 signature over timestamp and body verifies with that party's secret within the
/// five-minute window (<see cref="CallbackSignature"/>); anything else is refused with 401 and changes nothing.
/// </summary>
public static class SignedCallbacks
{
    private const int MaxBytes = 16 * 1024;

    /// <summary>The body once its signature verifies; otherwise the answer that refuses it.</summary>
    public static async Task<(byte[]? Body, IResult? Refusal)> ReadAsync(HttpContext http, string secret, string timestampHeader, string signatureHeader, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct).ConfigureAwait(false);
        if (buffer.Length > MaxBytes)
        {
            return (null, Results.Problem(title: "Too large", detail: "a callback is a few kilobytes at most", statusCode: 413));
        }

        var body = buffer.ToArray();
        var check = CallbackSignature.Verify(secret, http.Request.Headers[timestampHeader], http.Request.Headers[signatureHeader], body, now);
        if (check == CallbackSignature.Check.Verified)
        {
            return (body, null);
        }

        var (code, detail) = check switch
        {
            CallbackSignature.Check.Stale => ("callback.timestamp.stale", "the callback's timestamp is more than five minutes from now"),
            CallbackSignature.Check.Missing => ("callback.signature.missing", $"the callback carries no {timestampHeader} and {signatureHeader}"),
            _ => ("callback.signature.invalid", "the callback's signature does not verify"),
        };
        return (null, Results.Problem(title: "Callback refused", detail: detail, statusCode: 401, extensions: new Dictionary<string, object?> { ["code"] = code }));
    }
}
