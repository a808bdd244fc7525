using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Payouts;

/// <summary>
/// The dealer tracks the funding of its own contracts: it reads the funding file, records the facts it arranges
/// (insurance, mortgage registration, GPS), sees the payout to it and its outcome, and pays nothing. Another dealer
/// sees none of it.
/// </summary>
public abstract partial class PayoutScenarios<TPlatform>
{
    [SkippableFact]
    public async Task A_dealer_records_its_funding_facts_and_follows_its_payout_but_another_dealer_sees_nothing()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var underwriter = await platform.SignedIn("underwriter");
        using var dealer = platform.Dealer();
        using var otherDealer = platform.Dealer(DemoData.SecondDealerKey);
        var contractId = await SignedContractAsync(platform.Dealer());

        var file = await Funding.FileAsync(dealer, contractId);
        var applicationId = file.GetProperty("applicationId").GetString()!;
        Assert.Equal("signed", file.GetProperty("status").GetString());
        Assert.Equal("awaiting-checklist", file.GetProperty("stage").GetString());
        Assert.Equal("awaiting-checklist", await ListedStageAsync(dealer, applicationId));
        Assert.False(file.GetProperty("ready").GetBoolean());
        Assert.Equal(["insurancePolicyNumber", "insurer"], Item(file, "funding.insurance").GetProperty("missing").EnumerateArray().Select(m => m.GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await otherDealer.GetAsync($"/api/v1/contracts/{contractId}/funding")).StatusCode);
        using (var elsewhere = await otherDealer.PutAsJsonAsync($"/api/v1/contracts/{contractId}/funding", new { insurancePolicyNumber = "X-1" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        }

        using (var tooLong = await dealer.PutAsJsonAsync($"/api/v1/contracts/{contractId}/funding", new { gpsDeviceId = new string('9', 65) }))
        {
            var problem = await ProblemAsync(tooLong, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("gpsDeviceId", out _), problem.ToString());
        }

        // A mortgage registered before the contract it secures was signed, or a "number" of one character, is not one.
        var signedOn = DateOnly.Parse(file.GetProperty("signedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        using (var impossible = await dealer.PutAsJsonAsync($"/api/v1/contracts/{contractId}/funding", new { mortgageRegistrationNumber = "X", mortgageRegisteredOn = signedOn.AddDays(-1) }))
        {
            var problem = await ProblemAsync(impossible, HttpStatusCode.BadRequest);
            var codes = problem.GetProperty("problems").EnumerateArray().ToDictionary(p => p.GetProperty("field").GetString()!, p => p.GetProperty("code").GetString());
            Assert.Equal("funding.mortgage-before-signing", codes["mortgageRegisteredOn"]);
            Assert.Equal("funding.mortgage-number", codes["mortgageRegistrationNumber"]);
            Assert.Equal(JsonValueKind.Null, (await Funding.FileAsync(dealer, contractId)).GetProperty("facts").GetProperty("mortgageRegistrationNumber").ValueKind);
        }

        await Funding.RecordFactsAsync(dealer, contractId);
        var recorded = await Funding.FileAsync(underwriter, contractId);
        Assert.True(recorded.GetProperty("facts").GetProperty("recordedByDealer").GetBoolean());
        Assert.True(Item(recorded, "funding.insurance").GetProperty("met").GetBoolean());
        Assert.True(Item(recorded, "funding.mortgage-registration").GetProperty("met").GetBoolean());
        Assert.Equal(1, await AuditedAsync(contractId, "contract.funding-recorded", "dealer:"));

        // The dealer records; only the lender pays.
        using (var paying = await Funding.DisburseAsync(dealer, contractId))
        {
            Assert.Equal(HttpStatusCode.Forbidden, paying.StatusCode);
        }

        await Funding.AcceptDocumentsAsync(underwriter, contractId);
        Assert.True((await Funding.FileAsync(dealer, contractId)).GetProperty("ready").GetBoolean());
        Assert.Equal("ready-to-pay", await ListedStageAsync(dealer, applicationId));
        using (var instructed = await Funding.DisburseAsync(underwriter, contractId))
        {
            Assert.Equal(HttpStatusCode.OK, instructed.StatusCode);
        }

        var settled = await Funding.SettledAsync(dealer, contractId);
        Assert.Equal("booked", settled.GetProperty("status").GetString());
        var payout = Assert.Single(settled.GetProperty("payouts").EnumerateArray());
        Assert.Equal("confirmed", payout.GetProperty("status").GetString());

        Assert.Equal("paid", settled.GetProperty("stage").GetString());
        Assert.Equal("paid", await ListedStageAsync(dealer, applicationId));
        // Staff have the payout queue: their list carries no stage.
        Assert.Null(await ListedStageAsync(underwriter, applicationId));

        // The application itself tells the dealer the payout and the loan it booked.
        var detail = await dealer.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}");
        Assert.Equal("paid", detail.GetProperty("summary").GetProperty("fundingStage").GetString());
        var contract = detail.GetProperty("contract");
        Assert.Equal(payout.GetProperty("reference").GetString(), contract.GetProperty("payout").GetProperty("reference").GetString());
        Assert.Equal("confirmed", contract.GetProperty("payout").GetProperty("status").GetString());
        Assert.Equal(settled.GetProperty("loanId").GetString(), contract.GetProperty("loanId").GetString());

        using var late = await dealer.PutAsJsonAsync($"/api/v1/contracts/{contractId}/funding", new { gpsDeviceId = "GPS-1" });
        Assert.Equal("funding.fixed", (await ProblemAsync(late, HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    /// <summary>The funding stage the reader's application list gives the application (null when it gives none).</summary>
    private static async Task<string?> ListedStageAsync(HttpClient reader, string applicationId)
    {
        var listed = (await reader.GetFromJsonAsync<JsonElement[]>("/api/v1/applications?limit=500"))!.Single(a => a.GetProperty("applicationId").GetString() == applicationId);
        return listed.GetProperty("fundingStage").GetString();
    }

    private static JsonElement Item(JsonElement file, string code) =>
        file.GetProperty("checklist").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);

    private async Task<int> AuditedAsync(string contractId, string action, string actorPrefix)
    {
        using var scope = platform.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        return await db.AuditEntries.CountAsync(a => a.Action == action && a.EntityId == contractId && a.Actor.StartsWith(actorPrefix));
    }
}
