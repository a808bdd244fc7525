using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web.Tests.Origination;
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
/// offer and booked loan with a payment on it, customer A's open service case and pending survey, customer B's
/// (Wang Wei's) signed contract, dealer 1's approved application (submitted here, so no seed specifics matter), an
/// open referral, a blacklist entry, an experiment, a throwaway customer account and a third dealer.
/// </summary>
public sealed class TrustWorld
{
    public const string CustomerAUserName = "13800138000";
    public const string CustomerBUserName = "13900139000";
    public const string Dealer3Key = "test-dealer-3-key";

    private AutoFinanceDbContext? _counting;

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

    /// <summary>A blacklist request an admin made and nobody has decided yet.</summary>
    public Guid PendingApproval { get; private set; }

    public Guid ThrowawayUser { get; private set; }

    public Guid Dealer3 { get; private set; }

    /// <summary>Customer A's and customer B's customer records (what their consents, 360 and data export hang on).</summary>
    public Guid CustomerA { get; private set; }

    public Guid CustomerB { get; private set; }

    /// <summary>Customer A's open service case.</summary>
    public Guid CaseA { get; private set; }

    /// <summary>Customer A's unanswered satisfaction survey (asked when another case of theirs was resolved).</summary>
    public Guid SurveyA { get; private set; }

    public const string Experiment = "trust-world-experiment";

    /// <summary>Customer A's full national ID and mobile, as the demo data made them.</summary>
    public static string CustomerANationalId => DemoIdentities.NationalId(DemoIdentities.SandboxRegion, new DateOnly(1988, 3, 14), 11);

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
        // Dealer 1's approved application without a contract: submitted here, with an identity of its own.
        var submitted = await Ok(await Clients[Caller.Dealer1].PostAsJsonAsync("/api/v1/applications", Applications.Prime()));
        Assert.Equal("approved", submitted.GetProperty("status").GetString());
        ApplicationD1 = submitted.GetProperty("applicationId").GetGuid();
        OfferD1 = Id((await Json(Caller.Dealer1, $"/api/v1/applications/{ApplicationD1}")).GetProperty("offers"), 0, "offerId");
        var applicationB = Id(await Json(Caller.CustomerB, "/api/v1/applications"), 0, "applicationId");
        ContractB = (await Json(Caller.CustomerB, $"/api/v1/applications/{applicationB}")).GetProperty("contract").GetProperty("contractId").GetGuid();
        Referral = Id(await Json(Caller.Admin, "/api/v1/referrals"), 0, "referralId");

        using (var pay = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{LoanA}/payments") { Content = JsonContent.Create(new { amount = 1.00m, channel = "cash", receiptReference = "R-100001" }) })
        {
            pay.Headers.Add("Idempotency-Key", "trust-world-payment");
            PaymentA = (await Ok(await Clients[Caller.ServiceAgent].SendAsync(pay))).GetProperty("paymentId").GetGuid();
        }

        CustomerA = (await Json(Caller.CustomerA, "/api/v1/me/data")).GetProperty("customer").GetProperty("id").GetGuid();
        CustomerB = (await Json(Caller.CustomerB, "/api/v1/me/data")).GetProperty("customer").GetProperty("id").GetGuid();
        CaseA = (await Ok(await Clients[Caller.CustomerA].PostAsJsonAsync("/api/v1/cases", new { kind = "question", category = "documents", subject = "Contract copy", description = "Please send me a copy of my contract." })))
            .GetProperty("caseId").GetGuid();
        var resolved = (await Ok(await Clients[Caller.CustomerA].PostAsJsonAsync("/api/v1/cases", new { kind = "question", category = "payment", subject = "Due date", description = "When is my next payment due?" })))
            .GetProperty("caseId").GetGuid();
        await Ok(await Clients[Caller.ServiceAgent].PostAsJsonAsync($"/api/v1/cases/{resolved}/resolve", new { rootCause = "customer-misunderstanding", resolution = "Explained the schedule." }));
        SurveyA = (await Json(Caller.CustomerA, "/api/v1/surveys?pending=true")).EnumerateArray()
            .Single(s => s.GetProperty("subjectId").GetString() == resolved.ToString()).GetProperty("surveyId").GetGuid();
        await Ok(await Clients[Caller.Admin].PostAsJsonAsync("/api/v1/experiments", new
        {
            id = Experiment,
            metric = "top-up application within 14 days",
            variants = new[] { new { name = "control", weight = 1.0 }, new { name = "banner", weight = 1.0 } },
            baselineRate = 0.10,
            minimumDetectableEffect = 0.02,
        }));

        var vin = DemoIdentities.Vin("LFV2A21K", 'S', "3999999");
        // Blacklist changes take a second person: the admin asks, the manager approves.
        var asked = await Ok(await Clients[Caller.Admin].PostAsJsonAsync("/api/v1/admin/blacklist", new { kind = "vin", value = vin, reason = "access matrix target" }));
        var approved = await Ok(await Clients[Caller.Manager].PostAsync($"/api/v1/approvals/{asked.GetProperty("approvalId").GetGuid()}/approve", null));
        BlacklistEntry = Guid.Parse(approved.GetProperty("outcome").GetString()!.Split(' ')[^1]);
        var pending = DemoIdentities.Vin("LFV2A21K", 'S', "3999998");
        PendingApproval = (await Ok(await Clients[Caller.Admin].PostAsJsonAsync("/api/v1/admin/blacklist", new { kind = "vin", value = pending, reason = "access matrix approval target" }))).GetProperty("approvalId").GetGuid();
        var throwaway = Identity.Registration.FreshMobile();
        ThrowawayUser = (await Ok(await Identity.Registration.RegisterAsync(Clients[Caller.Anonymous], throwaway, "throwaway-password-1", "Throwaway"))).GetProperty("userId").GetGuid();
        (await Platform.SignedIn(throwaway, "throwaway-password-1")).Dispose();

        await using var scope = Platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var dealer3 = AccountService.NewDealer("DLR-903", "Hangzhou Test Motors", "Hangzhou", Dealer3Key, DateTimeOffset.UtcNow);
        db.Dealers.Add(dealer3);
        await db.SaveChangesAsync();
        Dealer3 = dealer3.Id;
    }

    /// <summary>
    /// The counts in one statement, compiled once: as a plain query EF evaluated every <c>db.…</c> in it and matched
    /// the tree against its cache at each call, nearly a third of the fuzz test's processor time.
    /// </summary>
    private static readonly Func<AutoFinanceDbContext, Guid, Task<RowCounts>> CountRows = EF.CompileAsyncQuery((AutoFinanceDbContext db, Guid dealer) =>
        db.Dealers.Where(d => d.Id == dealer).Select(_ => new RowCounts(
            db.Applications.Count(),
            db.Customers.Count(),
            db.Contracts.Count(),
            db.Referrals.Count(r => r.ResolvedAt != null),
            db.Loans.Count(),
            db.Payments.Count(),
            db.JournalEntries.Count(),
            db.Blacklist.Count(),
            db.Users.Count(),
            db.AuditEntries.Count(),
            db.ServiceCases.Count(),
            db.CaseMessages.Count(),
            db.Surveys.Count(),
            db.Surveys.Count(s => s.AnsweredAt != null),
            db.Consents.Count(),
            db.Experiments.Count(),
            db.ExperimentExposures.Count(),
            db.OfferDecisions.Count(),
            db.CollectionContacts.Count(),
            db.HardshipPlans.Count(),
            db.Outbox.Count())).First());

    private sealed record RowCounts(
        int Applications, int Customers, int Contracts, int ReferralDecisions, int Loans, int Payments, int JournalEntries, int Blacklist, int Users,
        int AuditEntries, int ServiceCases, int CaseMessages, int Surveys, int SurveysAnswered, int Consents, int Experiments, int ExperimentExposures,
        int OfferDecisions, int CollectionContacts, int HardshipPlans, int Outbox);

    /// <summary>
    /// Counts of the tables a rejected request must leave alone. The fuzz test counts after every request, so this is
    /// one compiled query over one connection kept open (callers take turns).
    /// </summary>
    public async Task<Dictionary<string, int>> RowCountsAsync()
    {
        if (_counting is null)
        {
            _counting = Platform.App.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
            await _counting.Database.OpenConnectionAsync();
        }

        var c = await CountRows(_counting, Dealer3);
        return new Dictionary<string, int>
        {
            ["applications"] = c.Applications,
            ["customers"] = c.Customers,
            ["contracts"] = c.Contracts,
            ["referral decisions"] = c.ReferralDecisions,
            ["loans"] = c.Loans,
            ["payments"] = c.Payments,
            ["journal entries"] = c.JournalEntries,
            ["blacklist"] = c.Blacklist,
            ["users"] = c.Users,
            ["audit entries"] = c.AuditEntries,
            ["service cases"] = c.ServiceCases,
            ["case messages"] = c.CaseMessages,
            ["surveys"] = c.Surveys,
            ["surveys answered"] = c.SurveysAnswered,
            ["consents"] = c.Consents,
            ["experiments"] = c.Experiments,
            ["experiment exposures"] = c.ExperimentExposures,
            ["offer decisions"] = c.OfferDecisions,
            ["collection contacts"] = c.CollectionContacts,
            ["hardship plans"] = c.HardshipPlans,
            ["outbox"] = c.Outbox,
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
