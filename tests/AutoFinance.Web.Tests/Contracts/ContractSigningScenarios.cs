using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Tests.Origination;
using AutoFinance.Web.Tests.Servicing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Contracts;

/// <summary>
/// The customer signs the contract with a one-time code: the platform texts it to the customer's mobile on file for
/// the offer being accepted, and the contract is issued only with that code. A missing, wrong, expired or used-up code,
/// or one sent for another offer, is refused by the field with a stable code and nothing is signed.
/// </summary>
public abstract class ContractSigningScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture, IClockedPlatform
{
    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task An_offer_is_signed_only_with_the_code_texted_to_the_customer_for_it()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        var (applicationId, offerId, mobile) = await ApprovedAsync(dealer);

        using var without = await dealer.PostAsJsonAsync(ContractSigning.AcceptPath(applicationId, offerId), new { code = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal("field.required", (await without.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        using var asked = await dealer.PostAsync(ContractSigning.CodePath(applicationId, offerId), null);
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal(mobile[..3] + "****" + mobile[^4..], (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sentTo").GetString());
        var code = Assert.Single(await ContractSigning.SigningCodesAsync(mobile));
        // The application was made in English: so is the text that signs its contract.
        Assert.Contains(await Identity.Registration.InboxAsync(mobile), t => t.Contains("You are signing your loan contract: code " + code, StringComparison.Ordinal));

        using var wrong = await dealer.PostAsJsonAsync(ContractSigning.AcceptPath(applicationId, offerId), new { code = Other(code) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("code.invalid", await ContractSigning.ProblemCodeAsync(wrong));
        // The signer holds the number already: they are told how many tries the code has left.
        var told = (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems")[0];
        Assert.Equal("4", told.GetProperty("parameters").GetProperty("triesLeft").GetString());
        Assert.Equal(0, await ContractsOfAsync(applicationId));

        using var signed = await dealer.PostAsJsonAsync(ContractSigning.AcceptPath(applicationId, offerId), new { code });
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(1, await ContractsOfAsync(applicationId));
        await using var db = Db();
        var accepted = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "offer.accepted" && e.EntityId == applicationId);
        Assert.Contains("sms-code", accepted.DataJson, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_signing_code_expires_after_five_minutes_and_signs_nothing()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        var (applicationId, offerId, mobile) = await ApprovedAsync(dealer);
        Assert.Equal(HttpStatusCode.Accepted, (await dealer.PostAsync(ContractSigning.CodePath(applicationId, offerId), null)).StatusCode);
        var code = (await ContractSigning.SigningCodesAsync(mobile))[0];

        platform.Clock.Now += TimeSpan.FromMinutes(5);

        using var late = await dealer.PostAsJsonAsync(ContractSigning.AcceptPath(applicationId, offerId), new { code });
        Assert.Equal("code.expired", await ContractSigning.ProblemCodeAsync(late));
        Assert.Equal(0, await ContractsOfAsync(applicationId));
    }

    [SkippableFact]
    public async Task Five_wrong_codes_use_up_the_signing_code_even_for_the_right_one_after()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        var (applicationId, offerId, mobile) = await ApprovedAsync(dealer);
        Assert.Equal(HttpStatusCode.Accepted, (await dealer.PostAsync(ContractSigning.CodePath(applicationId, offerId), null)).StatusCode);
        var code = (await ContractSigning.SigningCodesAsync(mobile))[0];

        var answers = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await dealer.PostAsJsonAsync(ContractSigning.AcceptPath(applicationId, offerId), new { code = Other(code, i) });
            answers.Add(await ContractSigning.ProblemCodeAsync(wrong));
        }

        Assert.Equal(["code.invalid", "code.invalid", "code.invalid", "code.invalid", "code.attempts-exhausted"], answers);
        using var right = await dealer.PostAsJsonAsync(ContractSigning.AcceptPath(applicationId, offerId), new { code });
        Assert.Equal("code.attempts-exhausted", await ContractSigning.ProblemCodeAsync(right));
        Assert.Equal(0, await ContractsOfAsync(applicationId));
    }

    [SkippableFact]
    public async Task A_code_sent_to_sign_one_offer_does_not_sign_another()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        var (applicationId, firstOffer, mobile) = await ApprovedAsync(dealer);
        var offers = (await dealer.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}")).GetProperty("offers").EnumerateArray().Select(o => o.GetProperty("offerId").GetString()!).ToList();
        Assert.True(offers.Count >= 2, "a prime application is offered several plans");
        var secondOffer = offers.First(o => o != firstOffer);
        Assert.Equal(HttpStatusCode.Accepted, (await dealer.PostAsync(ContractSigning.CodePath(applicationId, firstOffer), null)).StatusCode);
        var code = (await ContractSigning.SigningCodesAsync(mobile))[0];

        using var elsewhere = await dealer.PostAsJsonAsync(ContractSigning.AcceptPath(applicationId, secondOffer), new { code });
        Assert.Equal("code.invalid", await ContractSigning.ProblemCodeAsync(elsewhere));
        Assert.Equal(0, await ContractsOfAsync(applicationId));

        using var signed = await dealer.PostAsJsonAsync(ContractSigning.AcceptPath(applicationId, firstOffer), new { code });
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(firstOffer, (await signed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("offerId").GetString());
    }

    [SkippableFact]
    public async Task No_signing_code_is_sent_for_an_offer_already_signed_or_another_dealer_s_application()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        var (applicationId, offerId, _) = await ApprovedAsync(dealer);
        using var stranger = platform.Dealer(Infrastructure.Seeding.DemoData.SecondDealerKey);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync(ContractSigning.CodePath(applicationId, offerId), null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ContractSigning.AcceptAsync(platform, dealer, applicationId, offerId)).StatusCode);
        using var again = await dealer.PostAsync(ContractSigning.CodePath(applicationId, offerId), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("offer.other-accepted", await ContractSigning.ProblemCodeAsync(again));
    }

    private async Task<(string ApplicationId, string OfferId, string Mobile)> ApprovedAsync(HttpClient dealer)
    {
        var body = Applications.Prime();
        var decision = await (await dealer.PostAsJsonAsync("/api/v1/applications", body)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("approved", decision.GetProperty("status").GetString());
        return (decision.GetProperty("applicationId").GetString()!, decision.GetProperty("offers")[0].GetProperty("offerId").GetString()!, (string)body.Section("applicant")["mobile"]!);
    }

    private async Task<int> ContractsOfAsync(string applicationId)
    {
        await using var db = Db();
        return await db.Contracts.AsNoTracking().CountAsync(c => c.ApplicationId == Guid.Parse(applicationId));
    }

    private AutoFinanceDbContext Db() => platform.App.Services.CreateScope().ServiceProvider.GetRequiredService<AutoFinanceDbContext>();

    private static string Other(string code, int salt = 0) =>
        ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1 + salt) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class ContractSigningOnSqlite(ClockedPlatform platform) : ContractSigningScenarios<ClockedPlatform>(platform);

public sealed class ContractSigningOnPostgres(ClockedPostgresPlatform platform) : ContractSigningScenarios<ClockedPostgresPlatform>(platform);
