using System.Net;
using System.Text;

namespace AutoFinance.Web.Tests.Origination;

/// <summary>Bad input of every kind at every endpoint that takes a body: always a 4xx with a problem, never a 5xx.</summary>
public sealed class MalformedInputTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    private static readonly string[] Bodies =
    [
        "", "null", "[]", "42", "\"text\"", "{", "{}", "{\"channel\": 5}", "{\"applicant\": []}", "{\"termMonths\": 1.5}",
        "{\"termMonths\": 99999999999999}", "{\"downPayment\": 1e400}", "{\"applicant\": {\"dateOfBirth\": \"2026-13-45\"}}",
        "{\"applicant\": {\"fullName\": \"\\u0000\\u0001\"}}", "{\"vehicle\": {\"price\": -1}}", "{\"decision\": null}",
        "{\"kind\": \"vin\", \"value\": \"" + new string('9', 5000) + "\"}", "{\"userName\": \"\\ud800\"}",
        "{\"channel\": \"dealer\", \"applicant\": {\"nationalId\": \"" + new string('1', 18) + "\"}}",
    ];

    private static readonly string[] Paths =
    [
        "/api/v1/applications", "/api/v1/auth/token", "/api/v1/auth/register", "/api/v1/admin/blacklist",
        $"/api/v1/referrals/{Guid.Empty}/decision", $"/api/v1/applications/{Guid.Empty}/offers/{Guid.Empty}/accept",
    ];

    [Fact]
    public async Task No_malformed_body_gets_a_server_error()
    {
        using var admin = await platform.SignedIn("admin");
        using var dealer = platform.Dealer();
        foreach (var path in Paths)
        {
            foreach (var body in Bodies)
            {
                foreach (var client in new[] { admin, dealer })
                {
                    using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
                    Assert.True((int)response.StatusCode < 500, $"{path} with {body[..Math.Min(body.Length, 60)]}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_a_problem()
    {
        using var dealer = platform.Dealer();
        var huge = "{\"channel\": \"" + new string('x', 100_000) + "\"}";

        using var response = await dealer.PostAsync("/api/v1/applications", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("larger than", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
