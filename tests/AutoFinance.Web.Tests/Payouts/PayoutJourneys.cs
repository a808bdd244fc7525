using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web.Tests.Origination;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Payouts;

/// <summary>The steps of a dealer's payout the payout scenarios share: a signed contract, the dealer's account changed under four eyes, the payout sent.</summary>
internal static class PayoutJourneys
{
    /// <summary>The account the second demo dealer is paid into when a scenario has not changed it.</summary>
    public const string SecondDealerAccount = "6214830100223456781";

    /// <summary>An approved application accepted by its dealer: the signed contract's id.</summary>
    public static async Task<string> SignedContractAsync(PlatformFixture platform, HttpClient dealer, bool usedCar = false)
    {
        using (dealer)
        {
            var body = Applications.Prime();
            if (usedCar)
            {
                var vehicle = (Dictionary<string, object?>)body["vehicle"]!;
                vehicle["condition"] = "used";
                vehicle["make"] = "Toyota";
                vehicle["model"] = "Camry";
                vehicle["year"] = 2021;
                vehicle["mileageKm"] = 60000;
                vehicle["price"] = 120000;
                body["downPayment"] = 50000;
            }

            var decision = JsonDocument.Parse(await (await dealer.PostAsJsonAsync("/api/v1/applications", body)).Content.ReadAsStringAsync()).RootElement;
            Assert.True(decision.GetProperty("status").GetString() == "approved", decision.ToString());
            using var accepted = await Contracts.ContractSigning.AcceptAsync(platform, dealer, decision.GetProperty("applicationId").GetString(), decision.GetProperty("offers")[0].GetProperty("offerId").GetString());
            return (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contractId").GetString()!;
        }
    }

    /// <summary>Changes a demo dealer's account (asked by one person, approved by another), keeping its payee and bank.</summary>
    public static async Task ChangeAccountAsync(HttpClient requester, HttpClient approver, Guid dealerId, string accountNumber, int demoDealer = 1)
    {
        var (_, payeeName, bank, _) = DemoFunding.Accounts[demoDealer];
        using var asked = await requester.PutAsJsonAsync($"/api/v1/dealers/{dealerId}/settlement-account", new { payeeName, bank, accountNumber, reason = "bank letter received and checked" });
        Assert.True(asked.StatusCode == HttpStatusCode.Accepted, await asked.Content.ReadAsStringAsync());
        var approvalId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approvalId").GetString();
        using var approved = await approver.PostAsync($"/api/v1/approvals/{approvalId}/approve", null);
        Assert.Equal("approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    public static async Task<Guid> DealerIdAsync(PlatformFixture platform, string key)
    {
        await using var db = platform.App.Services.CreateScope().ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var code = key == DemoData.DealerKey ? "DLR-001" : "DLR-002";
        return await db.Dealers.AsNoTracking().Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
    }

    /// <summary>
    /// A signed contract of the second demo dealer, its checklist complete, disbursed through the provider once the
    /// dealer's account is <paramref name="accountNumber"/> (a sandbox account); the account is put back afterwards.
    /// </summary>
    public static async Task<(string ContractId, JsonElement Answer)> DisburseToSecondDealerAsync(PlatformFixture platform, HttpClient manager, HttpClient admin, HttpClient underwriter, string accountNumber)
    {
        var dealerId = await DealerIdAsync(platform, DemoData.SecondDealerKey);
        await ChangeAccountAsync(manager, admin, dealerId, accountNumber);
        var contractId = await SignedContractAsync(platform, platform.Dealer(DemoData.SecondDealerKey));
        await Funding.CompleteChecklistAsync(underwriter, contractId);
        using var instructed = await Funding.DisburseAsync(underwriter, contractId);
        var text = await instructed.Content.ReadAsStringAsync();
        Assert.True(instructed.StatusCode == HttpStatusCode.OK, text);
        await ChangeAccountAsync(manager, admin, dealerId, SecondDealerAccount);
        return (contractId, JsonDocument.Parse(text).RootElement.Clone());
    }
}
