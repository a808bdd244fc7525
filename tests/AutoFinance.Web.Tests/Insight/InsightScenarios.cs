using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Web.Tests.Origination;
using AutoFinance.Web.Tests.ServiceDesk;
using AutoFinance.Web.Tests.Servicing;
using Microsoft.EntityFrameworkCore;
using static AutoFinance.Web.Tests.ServiceDesk.ServiceDeskScenarios<AutoFinance.Web.Tests.ServiceDesk.DeskPlatform>;

namespace AutoFinance.Web.Tests.Insight;

/// <summary>
/// Customer intelligence through HTTP on the seeded demo data: the insight refresh, the 360 and its masking, consent
/// and the next-best offer, A/B tests. Run on SQLite and on PostgreSQL by the two classes at the end of this file.
/// </summary>
public abstract class InsightScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture, IClockedPlatform
{
    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task The_insight_refresh_finds_segments_and_customers_at_risk_in_the_seeded_data()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");
        var run = await Ok(await admin.PostAsync("/api/v1/insight/refresh", null));

        Assert.True(run.GetProperty("customers").GetInt32() >= 8);
        Assert.True(run.GetProperty("segmentCount").GetInt32() >= 2);
        Assert.Equal(run.GetProperty("segmentCount").GetInt32(), run.GetProperty("segments").GetArrayLength());
        Assert.NotEmpty(run.GetProperty("silhouette").EnumerateArray());
        var churn = run.GetProperty("churn");
        Assert.Equal("synthetic", churn.GetProperty("trainedOn").GetString());
        Assert.Contains("platform history has", churn.GetProperty("why").GetString(), StringComparison.Ordinal);
        Assert.InRange(churn.GetProperty("auc").GetDouble(), 0.65, 1.0);
        foreach (var figure in new[] { "precision", "recall", "f1" })
        {
            Assert.InRange(churn.GetProperty(figure).GetDouble(), 0.0, 1.0);
        }

        using var analyst = await platform.SignedIn("analyst");
        var segments = await Ok(await analyst.GetAsync("/api/v1/insight/segments"));
        Assert.Equal(run.GetProperty("runId").GetString(), segments.GetProperty("runId").GetString());
        var names = segments.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(segments.GetProperty("customers").GetInt32(), segments.GetProperty("segments").EnumerateArray().Sum(s => s.GetProperty("size").GetInt32()));

        using var agent = await platform.SignedIn("agent");
        var atRisk = await Ok(await agent.GetAsync("/api/v1/insight/at-risk"));
        Assert.NotEmpty(atRisk.EnumerateArray());
        Assert.All(atRisk.EnumerateArray(), c =>
        {
            Assert.True(c.GetProperty("probability").GetDouble() >= 0.2);
            Assert.NotEmpty(c.GetProperty("reasons").EnumerateArray());
        });
        var liNa = await Desk.CustomerIdOf(platform, "13800138000");
        var first = atRisk.EnumerateArray().Single(c => c.GetProperty("customerId").GetGuid() == liNa);
        Assert.Equal("Li Na", first.GetProperty("name").GetString());
        Assert.Contains(first.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("feature").GetString() == "complaintsLast12Months");
        Assert.Equal("L* N*", (await Ok(await analyst.GetAsync("/api/v1/insight/at-risk"))).EnumerateArray().Single(c => c.GetProperty("customerId").GetGuid() == liNa).GetProperty("name").GetString());

        await using var db = Desk.Db(platform);
        Assert.Contains(await db.CustomerTags.AsNoTracking().Where(t => t.CustomerId == liNa && t.RemovedAt == null).Select(t => t.Tag).ToListAsync(), t => t == "recent-complainant");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync("/api/v1/insight/refresh", null)).StatusCode);
        await AssertFields(await agent.GetAsync("/api/v1/insight/at-risk?top=0"), "top");
    }

    [SkippableFact]
    public async Task The_360_masks_identity_for_the_roles_that_do_not_need_it()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var liNa = await Desk.CustomerIdOf(platform, "13800138000");
        using var agent = await platform.SignedIn("agent");
        var profile = await Ok(await agent.GetAsync($"/api/v1/customers/{liNa}/360"));
        var identity = profile.GetProperty("identity");
        Assert.Equal("Li Na", identity.GetProperty("name").GetString());
        Assert.Matches(@"^\d{6}\*{8}\d{3}[\dX]$", identity.GetProperty("nationalIdMasked").GetString());
        Assert.Equal("138****8000", identity.GetProperty("mobileMasked").GetString());
        Assert.DoesNotContain("13800138000", profile.GetRawText(), StringComparison.Ordinal);
        Assert.NotEmpty(profile.GetProperty("applications").EnumerateArray());
        var loan = profile.GetProperty("loans")[0];
        Assert.True(loan.GetProperty("outstanding").GetDecimal() > 0);
        Assert.Equal("Current", loan.GetProperty("bucket").GetString());
        Assert.True(profile.GetProperty("cases").GetArrayLength() >= 2);
        Assert.NotEmpty(profile.GetProperty("surveys").EnumerateArray());
        Assert.NotEmpty(profile.GetProperty("consents").EnumerateArray());
        var insight = profile.GetProperty("insight");
        Assert.InRange(insight.GetProperty("rfm").GetProperty("recency").GetInt32(), 1, 5);
        Assert.False(string.IsNullOrEmpty(insight.GetProperty("lifecycleStage").GetString()));
        Assert.False(string.IsNullOrEmpty(insight.GetProperty("segmentName").GetString()));

        using var analyst = await platform.SignedIn("analyst");
        var masked = (await Ok(await analyst.GetAsync($"/api/v1/customers/{liNa}/360"))).GetProperty("identity");
        Assert.Equal("L* N*", masked.GetProperty("name").GetString());
        Assert.True(masked.GetProperty("nameMasked").GetBoolean());
        Assert.Equal(identity.GetProperty("nationalIdMasked").GetString(), masked.GetProperty("nationalIdMasked").GetString());

        // Each look is on the record, with whether the name was shown whole.
        await using (var db = Desk.Db(platform))
        {
            var reads = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == liNa.ToString() && a.Action == "customer.profile.read").ToListAsync();
            Assert.Contains(reads, a => a.Actor.StartsWith("service-agent:", StringComparison.Ordinal));
            Assert.Contains(reads, a => a.Actor.StartsWith("risk-analyst:", StringComparison.Ordinal));
        }

        // A manager answers "who saw my file" from the same record, newest first.
        using var manager = await platform.SignedIn("manager");
        var looks = (await Ok(await manager.GetAsync($"/api/v1/customers/{liNa}/access-log"))).EnumerateArray().ToList();
        Assert.Equal("risk-analyst", looks[0].GetProperty("actor").GetString()!.Split(':')[0]);
        Assert.Contains(looks, l => l.GetProperty("actor").GetString()!.StartsWith("service-agent:", StringComparison.Ordinal) && l.GetProperty("action").GetString() == "customer.profile.read");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/v1/customers/{liNa}/access-log")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await platform.SignedIn("13800138000")).GetAsync($"/api/v1/customers/{liNa}/360")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/v1/customers/{Guid.NewGuid()}/360")).StatusCode);
    }

    [SkippableFact]
    public async Task Withdrawing_marketing_consent_suppresses_the_next_best_offer()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var customerId = await BookAUsedCarLoan();
        using var agent = await platform.SignedIn("agent");

        // No consent yet: nothing goes out.
        var none = await Ok(await agent.GetAsync($"/api/v1/customers/{customerId}/next-best-offer?channel=app"));
        Assert.Equal(JsonValueKind.Null, none.GetProperty("offer").ValueKind);
        Assert.Equal("no-consent", Decision(none, "trade-in").GetProperty("reason").GetString());

        await Created(await agent.PostAsJsonAsync($"/api/v1/customers/{customerId}/consents", new { purpose = "marketing", channel = "app", granted = true, source = "phone" }));
        var offered = await Ok(await agent.GetAsync($"/api/v1/customers/{customerId}/next-best-offer?channel=app"));
        Assert.Equal("trade-in", offered.GetProperty("offer").GetString());
        Assert.Equal("offered", Decision(offered, "trade-in").GetProperty("outcome").GetString());

        var withdrawn = await Created(await agent.PostAsJsonAsync($"/api/v1/customers/{customerId}/consents", new { purpose = "marketing", channel = "app", granted = false, source = "phone" }));
        Assert.Equal("withdrawn", withdrawn.GetProperty("current").EnumerateArray().Single(c => c.GetProperty("purpose").GetString() == "marketing" && c.GetProperty("channel").GetString() == "app").GetProperty("state").GetString());
        var suppressed = await Ok(await agent.GetAsync($"/api/v1/customers/{customerId}/next-best-offer?channel=app"));
        Assert.Equal(JsonValueKind.Null, suppressed.GetProperty("offer").ValueKind);
        Assert.Equal("consent-withdrawn", Decision(suppressed, "trade-in").GetProperty("reason").GetString());

        await using var db = Desk.Db(platform);
        Assert.Equal(1, await db.MarketingContacts.CountAsync(c => c.CustomerId == customerId));
        Assert.Equal(12, await db.OfferDecisions.CountAsync(d => d.CustomerId == customerId));
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.EntityId == customerId.ToString() && a.Action == "offer.decided"));

        await AssertFields(await agent.GetAsync($"/api/v1/customers/{customerId}/next-best-offer?channel=fax"), "channel");
        await AssertFields(await agent.PostAsJsonAsync($"/api/v1/customers/{customerId}/consents", new { purpose = "spam", channel = "fax" }), "purpose", "channel", "granted");
        using var liNa = await platform.SignedIn("13800138000");
        Assert.Equal(HttpStatusCode.NotFound, (await liNa.GetAsync($"/api/v1/customers/{customerId}/consents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liNa.PostAsJsonAsync($"/api/v1/customers/{customerId}/consents", new { purpose = "marketing", channel = "app", granted = true })).StatusCode);
        var own = await Desk.CustomerIdOf(platform, "13800138000");
        var mine = await Created(await liNa.PostAsJsonAsync($"/api/v1/customers/{own}/consents", new { purpose = "marketing", channel = "phone", granted = false }));
        Assert.Equal("app", mine.GetProperty("history")[0].GetProperty("source").GetString());
    }

    [SkippableFact]
    public async Task An_experiment_assigns_each_subject_to_one_variant_for_good_and_reads_out_its_results()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var analyst = await platform.SignedIn("analyst");
        await AssertFields(await analyst.PostAsJsonAsync("/api/v1/experiments", new { id = "X", metric = "", variants = new[] { new { name = "a", weight = 1 } }, baselineRate = 1.5 }),
            "id", "metric", "variants", "baselineRate", "minimumDetectableEffect");
        var created = await Created(await analyst.PostAsJsonAsync("/api/v1/experiments", new
        {
            id = "topup-banner-test",
            metric = "top-up application within 14 days",
            variants = new[] { new { name = "control", weight = 1.0 }, new { name = "banner", weight = 1.0 } },
            baselineRate = 0.10,
            minimumDetectableEffect = 0.02,
        }));
        Assert.Equal(3841, created.GetProperty("requiredSamplePerVariant").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.PostAsJsonAsync("/api/v1/experiments", new { id = "topup-banner-test", metric = "again", variants = new[] { new { name = "a", weight = 1 }, new { name = "b", weight = 1 } }, baselineRate = 0.1, minimumDetectableEffect = 0.02 })).StatusCode);

        using var agent = await platform.SignedIn("agent");
        var assigned = new Dictionary<string, string>();
        for (var i = 0; i < 40; i++)
        {
            var subject = $"customer-{i}";
            assigned[subject] = (await Ok(await agent.PostAsJsonAsync("/api/v1/experiments/topup-banner-test/assignments", new { subjectId = subject }))).GetProperty("variant").GetString()!;
        }

        foreach (var (subject, variant) in assigned)
        {
            Assert.Equal(variant, (await Ok(await analyst.PostAsJsonAsync("/api/v1/experiments/topup-banner-test/assignments", new { subjectId = subject }))).GetProperty("variant").GetString());
            await Ok(await analyst.PostAsJsonAsync("/api/v1/experiments/topup-banner-test/outcomes", new { subjectId = subject, converted = variant == "banner" || subject.EndsWith('0') }));
        }

        // Only those who run experiments record their outcomes: a service agent or a collector is refused, and nothing is recorded.
        using var collector = await platform.SignedIn("collector");
        foreach (var refused in new[] { agent, collector })
        {
            using var denied = await refused.PostAsJsonAsync("/api/v1/experiments/topup-banner-test/outcomes", new { subjectId = "customer-1", converted = false });
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.Equal("application/problem+json", denied.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(2, assigned.Values.Distinct().Count());
        await AssertFields(await analyst.PostAsJsonAsync("/api/v1/experiments/topup-banner-test/outcomes", new { subjectId = "never-seen", converted = true }), "subjectId");
        await AssertFields(await analyst.PostAsJsonAsync("/api/v1/experiments/topup-banner-test/outcomes", new { subjectId = "customer-1" }), "converted");

        var results = await Ok(await agent.GetAsync("/api/v1/experiments/topup-banner-test/results"));
        var samples = results.GetProperty("samples").EnumerateArray().ToDictionary(s => s.GetProperty("variant").GetString()!);
        Assert.Equal(40, samples.Values.Sum(s => s.GetProperty("subjects").GetInt64()));
        Assert.Equal(assigned.Count(a => a.Value == "banner"), samples["banner"].GetProperty("conversions").GetInt64());
        var analysis = results.GetProperty("analysis");
        Assert.False(analysis.GetProperty("isFinal").GetBoolean());
        Assert.StartsWith("not final", analysis.GetProperty("status").GetString(), StringComparison.Ordinal);
        var test = analysis.GetProperty("comparisons")[0].GetProperty("test");
        Assert.Equal(1.0, test.GetProperty("treatmentRate").GetDouble());
        Assert.True(test.GetProperty("pValue").GetDouble() < 0.05);

        var seeded = await Ok(await agent.GetAsync("/api/v1/experiments/reminder-tone-2026/results"));
        Assert.Equal(240, seeded.GetProperty("samples").EnumerateArray().Sum(s => s.GetProperty("subjects").GetInt64()));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/experiments", new { id = "agent-test" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/api/v1/experiments/nothing-here/results")).StatusCode);
    }

    private static JsonElement Decision(JsonElement decision, string product) =>
        decision.GetProperty("decisions").EnumerateArray().Single(d => d.GetProperty("product").GetString() == product);

    /// <summary>A 2021 used car financed through the dealer and disbursed: a trade-in candidate. Returns the customer.</summary>
    private async Task<Guid> BookAUsedCarLoan()
    {
        var body = Applications.Prime();
        var vehicle = (Dictionary<string, object?>)body["vehicle"]!;
        vehicle["condition"] = "used";
        vehicle["make"] = "Toyota";
        vehicle["model"] = "Camry";
        vehicle["year"] = 2021;
        vehicle["mileageKm"] = 60000;
        vehicle["price"] = 120000;
        body["downPayment"] = 50000;
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");
        var submitted = await dealer.PostAsJsonAsync("/api/v1/applications", body);
        var text = await submitted.Content.ReadAsStringAsync();
        Assert.True(submitted.IsSuccessStatusCode, text);
        var decision = JsonDocument.Parse(text).RootElement;
        Assert.Equal("approved", decision.GetProperty("status").GetString());
        var contract = await Ok(await Contracts.ContractSigning.AcceptAsync(platform, dealer, decision.GetProperty("applicationId").GetString(), decision.GetProperty("offers")[0].GetProperty("offerId").GetString()));
        var loanId = await Payouts.Funding.BookAsync(underwriter, contract.GetProperty("contractId").GetString()!);
        await using var db = Desk.Db(platform);
        return (await db.Loans.AsNoTracking().FirstAsync(l => l.Id == loanId)).CustomerId;
    }
}

public sealed class InsightOnSqlite(DeskPlatform platform) : InsightScenarios<DeskPlatform>(platform);

public sealed class InsightOnPostgres(DeskPostgresPlatform platform) : InsightScenarios<DeskPostgresPlatform>(platform);
