using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Security;
using AutoFinance.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Origination;

/// <summary>
/// The outside parties in the decision, played by the partner simulator: the credit report (pulled under a recorded
/// authorisation, kept encrypted, read again while fresh) and its hard rules, an unavailable bureau, the operator
/// three-factor check, and a customer's record on file that an application never overwrites.
/// </summary>
public abstract class ScreeningScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private bool Skip => !platform.Available;

    /// <summary>A prime application from a sandbox person of the given scenario region (see the simulator's Scenarios).</summary>
    internal static Dictionary<string, object?> FromRegion(string region)
    {
        var body = Applications.Prime();
        var applicant = body.Section("applicant");
        var id = (string)applicant["nationalId"]!;
        var birth = DateOnly.ParseExact((string)applicant["dateOfBirth"]!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        applicant["nationalId"] = DemoIdentities.NationalId(region, birth, int.Parse(id[14..17], System.Globalization.CultureInfo.InvariantCulture));
        return body;
    }

    [SkippableFact]
    public async Task A_report_with_a_recent_90_plus_delinquency_declines_with_that_reason()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");

        var decision = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", FromRegion("990001")));

        Assert.Equal("declined", decision.GetProperty("status").GetString());
        Assert.Contains(decision.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "bureau.recent-90-plus");
        var check = await CheckAsync(underwriter, decision, "bureau.recent-90-plus");
        Assert.Equal("fail", check.GetProperty("outcome").GetString());
        Assert.Equal("3", check.GetProperty("values").GetProperty("monthsAgo").GetString());
    }

    [SkippableFact]
    public async Task The_report_is_pulled_under_a_recorded_authorisation_kept_encrypted_and_read_again_while_fresh()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");
        var first = Applications.Prime();
        var nationalId = Applications.NationalIdOf(first);
        var second = Applications.Prime();
        second["applicant"] = first["applicant"];

        var one = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", first));
        var two = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", second));

        Assert.Equal("approved", one.GetProperty("status").GetString());
        var reportOne = (await CheckAsync(underwriter, one, "bureau.report")).GetProperty("values").GetProperty("reportId").GetString();
        var reportTwo = (await CheckAsync(underwriter, two, "bureau.report")).GetProperty("values").GetProperty("reportId").GetString();
        Assert.False(string.IsNullOrEmpty(reportOne));
        Assert.Equal(reportOne, reportTwo);

        await using var scope = platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var idHash = scope.ServiceProvider.GetRequiredService<AutoFinance.Application.Security.ILookupHasher>().Hash("national-id", nationalId);
        var authorisations = await db.BureauAuthorisations.AsNoTracking().Where(a => a.NationalIdHash == idHash).ToListAsync();
        Assert.Equal(2, authorisations.Count);
        Assert.All(authorisations, a => Assert.Equal(("dealer", "credit-check-2026-01"), (a.Channel, a.TextVersion)));
        var stored = await db.CreditReports.AsNoTracking().SingleAsync(r => r.NationalIdHash == idHash);
        Assert.Equal(Infrastructure.Bureau.BureauPullOutcome.Hit, stored.Outcome);
        Assert.DoesNotContain(nationalId, stored.ReportCipher, StringComparison.Ordinal);
        Assert.DoesNotContain("repaymentStatus24", stored.ReportCipher, StringComparison.Ordinal);

        var page = await underwriter.GetAsync($"/api/v1/applications/{one.GetProperty("applicationId").GetString()}/credit-report");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var report = await Json(page);
        Assert.Equal(24, report.GetProperty("report").GetProperty("accounts")[0].GetProperty("repaymentStatus24").GetString()!.Length);
        Assert.Equal(HttpStatusCode.Forbidden, (await dealer.GetAsync($"/api/v1/applications/{one.GetProperty("applicationId").GetString()}/credit-report")).StatusCode);
    }

    [SkippableFact]
    public async Task No_report_is_pulled_without_the_applicants_authorisation()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        var body = Applications.Prime();
        body.Remove("creditCheck");

        var response = await dealer.PostAsJsonAsync("/api/v1/applications", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json(response)).GetProperty("errors").TryGetProperty("creditCheck.agreed", out _));
    }

    [SkippableFact]
    public async Task An_operator_record_that_does_not_match_refers_with_the_three_factor_check()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");

        var decision = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", FromRegion("990006")));

        Assert.Equal("referred", decision.GetProperty("status").GetString());
        Assert.Equal("refer", (await CheckAsync(underwriter, decision, "identity.three-factor")).GetProperty("outcome").GetString());
        Assert.DoesNotContain(decision.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString()!.StartsWith("identity.", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_dealer_application_with_another_mobile_leaves_the_customer_unchanged_and_raises_identity_mismatch()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");
        var first = Applications.Prime();
        Assert.Equal("approved", (await Json(await dealer.PostAsJsonAsync("/api/v1/applications", first))).GetProperty("status").GetString());
        var nationalId = Applications.NationalIdOf(first);
        var originalMobile = (string)first.Section("applicant")["mobile"]!;
        await using var scope = platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<AutoFinance.Application.Security.ILookupHasher>();
        var before = await db.Customers.AsNoTracking().SingleAsync(c => c.NationalIdHash == hasher.Hash("national-id", nationalId));

        var second = Applications.Prime();
        second["applicant"] = new Dictionary<string, object?>(first.Section("applicant")) { ["mobile"] = "13912345678" };
        var decision = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", second));

        var after = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == before.Id);
        Assert.Equal(before.MobileHash, after.MobileHash);
        Assert.Equal(hasher.Hash("mobile", originalMobile), after.MobileHash);
        Assert.Equal(before.MobileCipher, after.MobileCipher);
        Assert.Equal("referred", decision.GetProperty("status").GetString());
        var mismatch = await CheckAsync(underwriter, decision, "identity.mismatch");
        Assert.Equal("refer", mismatch.GetProperty("outcome").GetString());
        Assert.Equal("mobile", mismatch.GetProperty("values").GetProperty("fields").GetString());
    }

    private static async Task<JsonElement> CheckAsync(HttpClient staff, JsonElement decision, string code)
    {
        var detail = await Json(await staff.GetAsync($"/api/v1/applications/{decision.GetProperty("applicationId").GetString()}"));
        return detail.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);
    }

    internal static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}

public sealed class ScreeningOnSqlite(SqlitePlatform platform) : ScreeningScenarios<SqlitePlatform>(platform);

public sealed class ScreeningOnPostgres(PostgresPlatform platform) : ScreeningScenarios<PostgresPlatform>(platform);

/// <summary>
/// A bureau that times out or fails: on a platform of their own, since the failures open the bureau client's circuit
/// breaker, which would make every other test's bureau unavailable for a while.
/// </summary>
public sealed class BureauOutageTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    private static Dictionary<string, object?> FromRegion(string region) => ScreeningScenarios<SqlitePlatform>.FromRegion(region);

    private static Task<JsonElement> Json(HttpResponseMessage response) => ScreeningScenarios<SqlitePlatform>.Json(response);

    [Fact]
    public async Task A_bureau_timeout_refers_with_bureau_unavailable()
    {
        using var dealer = platform.Dealer();

        var decision = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", FromRegion("990004")));

        Assert.Equal("referred", decision.GetProperty("status").GetString());
        var reason = decision.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "bureau.unavailable");
        Assert.StartsWith("Bureau unavailable", reason.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_bureau_or_no_record_refers()
    {
        using var dealer = platform.Dealer();

        var noHit = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", FromRegion("990003")));
        var failed = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", FromRegion("990005")));

        Assert.Equal("referred", failed.GetProperty("status").GetString());
        Assert.Contains(failed.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "bureau.unavailable");
        Assert.Equal("referred", noHit.GetProperty("status").GetString());
        Assert.Contains(noHit.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "bureau.no-hit");
    }

}
