using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AutoFinance.Application.Payments;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Tests.Origination;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Payments;

/// <summary>
/// What the payment tests share: a loan booked for the demo customer, payment intents, the provider's checkout and
/// sandbox (the shared simulator process), and callbacks signed as the provider signs them.
/// </summary>
public sealed class PaymentWorld(PlatformFixture platform)
{
    public const string Provider = "simpay";

    public AutoFinanceDbContext Db() => platform.App.Services.CreateScope().ServiceProvider.GetRequiredService<AutoFinanceDbContext>();

    /// <summary>A prime application approved, accepted and booked, given to the demo customer Li Na, who is signed in.</summary>
    public async Task<(Guid LoanId, HttpClient Customer)> CustomersLoanAsync()
    {
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");
        var decision = JsonDocument.Parse(await (await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime())).Content.ReadAsStringAsync()).RootElement;
        var applicationId = decision.GetProperty("applicationId").GetString();
        var offerId = decision.GetProperty("offers")[0].GetProperty("offerId").GetString();
        var contract = JsonDocument.Parse(await (await Contracts.ContractSigning.AcceptAsync(platform, dealer, applicationId, offerId)).Content.ReadAsStringAsync()).RootElement;
        var loanId = await BookAsync(underwriter, contract.GetProperty("contractId").GetString()!);
        var customer = await platform.SignedIn("13800138000");
        var own = (await customer.GetFromJsonAsync<JsonElement>("/api/v1/loans")).EnumerateArray().First().GetProperty("loanId").GetString();
        await using var db = Db();
        var customerId = (await db.Loans.AsNoTracking().SingleAsync(l => l.Id == Guid.Parse(own!))).CustomerId;
        var loan = await db.Loans.SingleAsync(l => l.Id == loanId);
        loan.CustomerId = customerId;
        await db.SaveChangesAsync();
        return (loanId, customer);
    }

    /// <summary>A prime application approved, accepted and booked, left with the customer it was made for.</summary>
    public async Task<Guid> BookedLoanAsync()
    {
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");
        var decision = JsonDocument.Parse(await (await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime())).Content.ReadAsStringAsync()).RootElement;
        var contract = JsonDocument.Parse(await (await Contracts.ContractSigning.AcceptAsync(platform, dealer, decision.GetProperty("applicationId").GetString(), decision.GetProperty("offers")[0].GetProperty("offerId").GetString())).Content.ReadAsStringAsync()).RootElement;
        return await BookAsync(underwriter, contract.GetProperty("contractId").GetString()!);
    }

    /// <summary>Books the contract's loan as the platform books it: checklist, payout, the provider's confirmation.</summary>
    public static Task<Guid> BookAsync(HttpClient underwriter, string contractId) => Payouts.Funding.BookAsync(underwriter, contractId);

    public static async Task<HttpResponseMessage> PayAsync(HttpClient customer, Guid loanId, decimal amount, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanId}/payments") { Content = JsonContent.Create(new { amount }) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await customer.SendAsync(request);
    }

    /// <summary>A pending intent for the amount: its id and the provider's checkout address.</summary>
    public static async Task<(Guid PaymentId, Uri CheckoutUrl)> IntentAsync(HttpClient customer, Guid loanId, decimal amount)
    {
        using var response = await PayAsync(customer, loanId, amount);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        var intent = JsonDocument.Parse(text).RootElement;
        Assert.Equal("pending", intent.GetProperty("status").GetString());
        return (intent.GetProperty("paymentId").GetGuid(), new Uri(intent.GetProperty("checkoutUrl").GetString()!));
    }

    public static async Task<JsonElement> IntentViewAsync(HttpClient client, Guid loanId, Guid paymentId) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/v1/loans/{loanId}/payment-intents/{paymentId}")).RootElement.Clone();

    /// <summary>Waits (a few seconds at most) for the provider's callback to settle the intent.</summary>
    public static async Task<JsonElement> SettledAsync(HttpClient client, Guid loanId, Guid paymentId)
    {
        for (var i = 0; i < 150; i++)
        {
            var intent = await IntentViewAsync(client, loanId, paymentId);
            if (intent.GetProperty("status").GetString() != "pending")
            {
                return intent;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the provider's callback never settled the intent");
    }

    /// <summary>The customer's choice on the provider's hosted page (pay or decline), as the page's form posts it.</summary>
    public static async Task ChooseOnCheckoutAsync(Uri checkoutUrl, string choice)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync(checkoutUrl);
        Assert.Contains($"/{choice}", page, StringComparison.Ordinal);
        using var answer = await browser.PostAsync(new Uri(checkoutUrl, $"{checkoutUrl.AbsolutePath}/{choice}"), null);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
    }

    public static async Task<HttpResponseMessage> SandboxAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = await TestSimulator.AddressAsync() };
        return await client.PostAsync($"/payments/v1/sandbox/{path}", null);
    }

    public static async Task<JsonElement[]> SandboxEventsAsync(Guid merchantReference)
    {
        using var client = new HttpClient { BaseAddress = await TestSimulator.AddressAsync() };
        return [.. (await client.GetFromJsonAsync<JsonElement>($"/payments/v1/sandbox/events?merchantReference={merchantReference}")).EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>A callback body as the provider writes it.</summary>
    public static string CallbackBody(Guid merchantReference, string type, decimal amount, string? transactionId, string eventId) =>
        JsonSerializer.Serialize(new
        {
            eventId,
            type,
            objectId = "chk_test",
            merchantReference = merchantReference.ToString(),
            transactionId,
            amount = amount.ToString("0.00", CultureInfo.InvariantCulture),
            currency = "CNY",
            reason = (string?)null,
            occurredAt = DateTimeOffset.UtcNow,
        });

    /// <summary>Posts a callback signed with <paramref name="secret"/> at <paramref name="at"/> (the test run's provider secret and now by default).</summary>
    public async Task<HttpResponseMessage> CallbackAsync(string body, string? secret = null, DateTimeOffset? at = null, string? signature = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/payment-callbacks/{Provider}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(CallbackSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(CallbackSignature.SignatureHeader, signature ?? CallbackSignature.Sign(secret ?? TestSimulator.PaymentsCallbackSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var client = platform.Anonymous();
        return await client.SendAsync(request);
    }

    public async Task<int> PaymentsOnAsync(Guid loanId)
    {
        await using var db = Db();
        return await db.Payments.CountAsync(p => p.LoanId == loanId);
    }

    public async Task<int> JournalEntriesOnAsync(Guid loanId)
    {
        await using var db = Db();
        return await db.JournalEntries.CountAsync(e => e.LoanId == loanId);
    }
}
