using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>
/// JSON is read strictly: a property given twice is refused, not "last one wins", and a number sent as a string is
/// refused, so <c>{"amount":1.00,"amount":99999.00}</c> or <c>{"amount":"1e2"}</c> never posts a payment.
/// </summary>
public sealed class StrictJsonTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    [Theory]
    [InlineData("""{"amount":1.00,"amount":99999.00}""", "amount")]
    [InlineData("""{"amount":1.00,"paidOn":null,"paidOn":null}""", "paidOn")]
    [InlineData("""{"amount":1.00,"Amount":99999.00}""", "amount")]
    public async Task A_property_given_twice_is_refused_naming_it_and_posts_nothing(string body, string property)
    {
        var loan = await CustomerALoan();
        using var agent = await platform.SignedIn("agent");
        var before = await Payments(loan);

        using var response = await Post(agent, $"/api/v1/loans/{loan}/payments", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.EnumerateObject().Any(e => string.Equals(e.Name, property, StringComparison.OrdinalIgnoreCase)), errors.ToString());
        Assert.Contains("more than once", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await Payments(loan));
    }

    [Theory]
    [InlineData("\"1e2\"")]
    [InlineData("\"100\"")]
    [InlineData("\"1.00\"")]
    public async Task A_number_sent_as_a_string_is_refused_naming_the_field(string amount)
    {
        var loan = await CustomerALoan();
        using var agent = await platform.SignedIn("agent");
        var before = await Payments(loan);

        using var response = await Post(agent, $"/api/v1/loans/{loan}/payments", $$"""{"amount":{{amount}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("amount", out _), errors.ToString());
        Assert.Equal(before, await Payments(loan));
    }

    [Fact]
    public async Task The_same_payment_as_plain_json_is_posted()
    {
        var loan = await CustomerALoan();
        using var agent = await platform.SignedIn("agent");
        var before = await Payments(loan);

        using var response = await Post(agent, $"/api/v1/loans/{loan}/payments", """{"amount":1.00,"channel":"cash","receiptReference":"R-100001"}""");

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await Payments(loan));
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    private async Task<Guid> CustomerALoan()
    {
        using var customer = await platform.SignedIn(TrustWorld.CustomerAUserName);
        return (await customer.GetFromJsonAsync<JsonElement>("/api/v1/loans"))[0].GetProperty("loanId").GetGuid();
    }

    private async Task<int> Payments(Guid loan)
    {
        await using var scope = platform.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>().Payments.CountAsync(p => p.LoanId == loan);
    }
}
