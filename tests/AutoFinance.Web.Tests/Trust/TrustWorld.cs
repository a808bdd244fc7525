using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>Who calls in the trust tests, in the order the access matrix lists them.</summary>
public enum Caller
{
    Anonymous,
    CustomerA,
    CustomerB,
    Dealer1,
    Dealer2,
    Underwriter,
    RiskAnalyst,
    Collector,
    ServiceAgent,
    Manager,
    Admin,
}

/// <summary>
/// The seeded platform seen by every role at once, with real objects to aim at: customer A's (Li Na's) application,
/// offer and booked loan with a payment on it, customer B's (Wang Wei's) signed contract, dealer 1's approved
/// application, an open referral, a blacklist entry, a throwaway customer account and a third dealer.
/// </summary>
public sealed class TrustWorld
{
    public const string CustomerAUserName = "13800138000";
    public const string CustomerBUserName = "13900139000";
    public const string Dealer3Key = "test-dealer-3-key";

    private TrustWorld(PlatformFixture platform) => Platform = platform;

    public PlatformFixture Platform { get; }

    public Dictionary<Caller, HttpClient> Clients { get; } = [];

    public Guid ApplicationA { get; private set; }

    public Guid OfferA { get; private set; }

    public Guid LoanA { get; private set; }

    public Guid PaymentA { get; private set; }

    public Guid ApplicationD1 { get; private set; }

    public Guid OfferD1 { get; private set; }

    public Guid ContractB { get; private set; }

    public Guid Referral { get; private set; }

    public Guid BlacklistEntry { get; private set; }

    public Guid ThrowawayUser { get; private set; }

    public Guid Dealer3 { get; private set; }

    /// <summary>Customer A's full national ID and mobile, as the demo data made them.</summary>
    public static string CustomerANationalId => DemoIdentities.NationalId("110105", new DateOnly(1988, 3, 14), 11);

    public static string CustomerAMobile => CustomerAUserName;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PlatformFixture, Task<TrustWorld>> Worlds = [];

    /// <summary>The world of a platform, built once for all the tests that share the platform.</summary>
    public static Task<TrustWorld> OfAsync(PlatformFixture platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return Worlds.GetValue(platform, static p => CreateAsync(p));
    }

    private static async Task<TrustWorld> CreateAsync(PlatformFixture platform)
    {
        var world = new TrustWorld(platform);
        await world.BuildAsync();
        return world;
    }

    private async Task BuildAsync()
    {
        Clients[Caller.Anonymous] = Platform.Anonymous();
        Clients[Caller.CustomerA] = await Platform.SignedIn(CustomerAUserName);
        Clients[Caller.CustomerB] = await Platform.SignedIn(CustomerBUserName);
        Clients[Caller.Dealer1] = Platform.Dealer();
        Clients[Caller.Dealer2] = Platform.Dealer(DemoData.SecondDealerKey);
        Clients[Caller.Underwriter] = await Platform.SignedIn("underwriter");
        Clients[Caller.RiskAnalyst] = await Platform.SignedIn("analyst");
        Clients[Caller.Collector] = await Platform.SignedIn("collector");
        Clients[Caller.ServiceAgent] = await Platform.SignedIn("agent");
        Clients[Caller.Manager] = await Platform.SignedIn("manager");
        Clients[Caller.Admin] = await Platform.SignedIn("admin");

        ApplicationA = Id(await Json(Caller.CustomerA, "/api/v1/applications"), 0, "applicationId");
        OfferA = Id((await Json(Caller.CustomerA, $"/api/v1/applications/{ApplicationA}")).GetProperty("offers"), 0, "offerId");
        LoanA = Id(await Json(Caller.CustomerA, "/api/v1/loans"), 0, "loanId");
        var dealerApps = await Json(Caller.Dealer1, "/api/v1/applications");
        ApplicationD1 = dealerApps.EnumerateArray()
            .Where(a => a.GetProperty("status").GetString() == "approved" && a.GetProperty("contractStatus").ValueKind == JsonValueKind.Null)
            .Select(a => a.GetProperty("applicationId").GetGuid()).First();
        OfferD1 = Id((await Json(Caller.Dealer1, $"/api/v1/applications/{ApplicationD1}")).GetProperty("offers"), 0, "offerId");
        var applicationB = Id(await Json(Caller.CustomerB, "/api/v1/applications"), 0, "applicationId");
        ContractB = (await Json(Caller.CustomerB, $"/api/v1/applications/{applicationB}")).GetProperty("contract").GetProperty("contractId").GetGuid();
        Referral = Id(await Json(Caller.Admin, "/api/v1/referrals"), 0, "referralId");

        using (var pay = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{LoanA}/payments") { Content = JsonContent.Create(new { amount = 1.00m }) })
        {
            pay.Headers.Add("Idempotency-Key", "trust-world-payment");
            PaymentA = (await Ok(await Clients[Caller.ServiceAgent].SendAsync(pay))).GetProperty("paymentId").GetGuid();
        }

        var vin = DemoIdentities.Vin("LFV2A21K", 'S', "3999999");
        BlacklistEntry = (await Ok(await Clients[Caller.Admin].PostAsJsonAsync("/api/v1/admin/blacklist", new { kind = "vin", value = vin, reason = "access matrix target" }))).GetProperty("id").GetGuid();
        ThrowawayUser = (await Ok(await Clients[Caller.Anonymous].PostAsJsonAsync("/api/v1/auth/register", new { userName = "13512340001", password = "throwaway-password-1", displayName = "Throwaway" }))).GetProperty("userId").GetGuid();
        (await Platform.SignedIn("13512340001", "throwaway-password-1")).Dispose();

        await using var scope = Platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var dealer3 = AccountService.NewDealer("DLR-903", "Hangzhou Test Motors", "Hangzhou", Dealer3Key, DateTimeOffset.UtcNow);
        db.Dealers.Add(dealer3);
        await db.SaveChangesAsync();
        Dealer3 = dealer3.Id;
    }

    /// <summary>Counts of the tables a rejected request must leave alone.</summary>
    public async Task<Dictionary<string, int>> RowCountsAsync()
    {
        await using var scope = Platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        return new Dictionary<string, int>
        {
            ["applications"] = await db.Applications.CountAsync(),
            ["customers"] = await db.Customers.CountAsync(),
            ["contracts"] = await db.Contracts.CountAsync(),
            ["referral decisions"] = await db.Referrals.CountAsync(r => r.ResolvedAt != null),
            ["loans"] = await db.Loans.CountAsync(),
            ["payments"] = await db.Payments.CountAsync(),
            ["journal entries"] = await db.JournalEntries.CountAsync(),
            ["blacklist"] = await db.Blacklist.CountAsync(),
            ["users"] = await db.Users.CountAsync(),
            ["audit entries"] = await db.AuditEntries.CountAsync(),
        };
    }

    public async Task<JsonElement> Json(Caller caller, string path) => await Ok(await Clients[caller].GetAsync(new Uri(path, UriKind.Relative)));

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Guid Id(JsonElement array, int index, string property) => array[index].GetProperty(property).GetGuid();
}
