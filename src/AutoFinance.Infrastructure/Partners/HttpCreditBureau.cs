using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Application.Verification;
using AutoFinance.Domain.Bureau;
using AutoFinance.Infrastructure.Bureau;

namespace AutoFinance.Infrastructure.Partners;

/// <summary>
/// The credit bureau over HTTP: <c>POST {base}/bureau/v1/reports</c> with the national ID, name and authorisation;
/// the answer is <c>{"outcome": "hit", "report": ...}</c> or <c>{"outcome": "no-hit"}</c>. A timeout, a 5xx, a broken
/// circuit or an answer that does not read is <see cref="BureauUnavailableException"/>.
/// </summary>
public sealed class HttpCreditBureau(HttpClient http, PartnerDirectory partners) : ICreditBureau
{
    public const string Party = "Bureau";

    public async Task<CreditReport?> PullAsync(string nationalId, string fullName, BureauAuthorisation authorisation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorisation);
        var address = new Uri(partners.BaseAddressFor(Party), "bureau/v1/reports");
        try
        {
            using var response = await http.PostAsJsonAsync(address, new
            {
                idNumber = nationalId,
                name = fullName,
                authorisation = new { id = authorisation.Id.ToString(), grantedAt = authorisation.GrantedAt, channel = authorisation.Channel, textVersion = authorisation.TextVersion },
            }, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                throw new InvalidOperationException("the bureau refused the authorisation");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new BureauUnavailableException($"the bureau answered {(int)response.StatusCode}");
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            return body.GetProperty("outcome").GetString() switch
            {
                "hit" => body.GetProperty("report").Deserialize<CreditReport>(CreditReportJson.Options),
                "no-hit" => null,
                var other => throw new BureauUnavailableException($"the bureau answered an unknown outcome '{other}'"),
            };
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException or JsonException or KeyNotFoundException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new BureauUnavailableException("the bureau could not be reached", e);
        }
    }
}
