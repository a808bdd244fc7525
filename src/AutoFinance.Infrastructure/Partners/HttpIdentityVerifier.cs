using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Application.Verification;
using Microsoft.Extensions.Logging;

namespace AutoFinance.Infrastructure.Partners;

/// <summary>
/// The identity service over HTTP: <c>POST {base}/identity/v1/three-factor</c> with name, national ID and mobile;
/// the answer's <c>result</c> is <c>consistent</c> or <c>inconsistent</c> with a flag per factor. A failure after the
/// pipeline's retries is "unavailable", never an exception to the decision.
/// </summary>
public sealed class HttpIdentityVerifier(HttpClient http, PartnerDirectory partners, ILogger<HttpIdentityVerifier> logger) : IIdentityVerifier
{
    public const string Party = "Identity";

    public async Task<IdentityCheckResult> VerifyAsync(string fullName, string nationalId, string mobile, CancellationToken cancellationToken)
    {
        var address = new Uri(partners.BaseAddressFor(Party), "identity/v1/three-factor");
        try
        {
            using var response = await http.PostAsJsonAsync(address, new { name = fullName, idNumber = nationalId, mobile }, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Identity service answered {Status}", (int)response.StatusCode);
                return IdentityCheckResult.NotChecked;
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            var consistent = body.GetProperty("result").GetString() == "consistent";
            return new IdentityCheckResult(
                consistent ? IdentityMatch.Consistent : IdentityMatch.Inconsistent,
                body.TryGetProperty("nameMatch", out var name) && name.ValueKind is JsonValueKind.True or JsonValueKind.False ? name.GetBoolean() : null,
                body.TryGetProperty("idMatch", out var id) && id.ValueKind is JsonValueKind.True or JsonValueKind.False ? id.GetBoolean() : null);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException or JsonException or KeyNotFoundException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Identity service unavailable");
            return IdentityCheckResult.NotChecked;
        }
    }
}
