using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Origination;

/// <summary>
/// The credit figures a decision rests on come from the report the platform pulls, never from the applicant; when the
/// report is missing or wrong, staff record the figures of a report obtained another way, with a reason, and the
/// application is decided again on them.
/// </summary>
public abstract class BureauFigureScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task Two_applications_that_differ_only_in_the_pulled_report_score_differently()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");

        var clean = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", ScreeningScenarios<TPlatform>.FromRegion(Applications.CleanRegion)));
        var stretched = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", ScreeningScenarios<TPlatform>.FromRegion(Applications.StretchedRegion)));

        Assert.True(stretched.GetProperty("score").GetDouble() < clean.GetProperty("score").GetDouble(),
            $"a report with lates, full cards and many inquiries scores below a clean one ({stretched.GetProperty("score")} vs {clean.GetProperty("score")})");
        var cleanFigures = (await CheckAsync(underwriter, clean, "bureau.report")).GetProperty("values");
        var stretchedFigures = (await CheckAsync(underwriter, stretched, "bureau.report")).GetProperty("values");
        Assert.Equal("0", cleanFigures.GetProperty("worstStatus24m").GetString());
        Assert.Equal("2", stretchedFigures.GetProperty("worstStatus24m").GetString());
    }

    [SkippableFact]
    public async Task An_application_carrying_typed_bureau_figures_is_decided_on_the_report_alone()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        var body = ScreeningScenarios<TPlatform>.FromRegion(Applications.RecentSeriousRegion);
        body["bureau"] = new Dictionary<string, object?> { ["score"] = 850, ["delinquencies24m"] = 0, ["inquiries6m"] = 0, ["openAccounts"] = 3, ["oldestAccountMonths"] = 200 };

        var decision = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", body));

        Assert.Equal("declined", decision.GetProperty("status").GetString());
        Assert.Contains(decision.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "bureau.recent-90-plus");
    }

    [SkippableFact]
    public async Task Staff_figures_for_a_missing_report_need_a_reason_are_audited_and_decide_the_application_again()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");
        var referred = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", ScreeningScenarios<TPlatform>.FromRegion(Applications.NoHitRegion)));
        Assert.Equal("referred", referred.GetProperty("status").GetString());
        var id = referred.GetProperty("applicationId").GetString();
        var url = $"/api/v1/applications/{id}/bureau-override";

        var unexplained = await underwriter.PostAsJsonAsync(url, new { figures = CleanFigures() });
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        var problem = (await Json(unexplained)).GetProperty("problems").EnumerateArray().Single();
        Assert.Equal(("reason", "field.required"), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
        var impossible = await Json(await underwriter.PostAsJsonAsync(url, new { reason = "paper report", figures = CleanFigures() with { WorstStatus24m = 9 } }));
        Assert.Equal("field.between", impossible.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("field").GetString() == "figures.worstStatus24m").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await dealer.PostAsJsonAsync(url, new { reason = "my own figures", figures = CleanFigures() })).StatusCode);

        var recorded = await underwriter.PostAsJsonAsync(url, new { reason = "paper report 2026-11 from the branch, bureau had no record", figures = CleanFigures() });

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal("approved", (await Json(recorded)).GetProperty("status").GetString());
        var detail = await Json(await underwriter.GetAsync($"/api/v1/applications/{id}"));
        Assert.Equal("approved", detail.GetProperty("summary").GetProperty("status").GetString());
        Assert.NotEmpty(detail.GetProperty("offers").EnumerateArray());
        var figures = (await CheckAsync(underwriter, referred, "bureau.override")).GetProperty("values");
        Assert.Equal("paper report 2026-11 from the branch, bureau had no record", figures.GetProperty("reason").GetString());
        Assert.Equal("0", figures.GetProperty("worstStatus24m").GetString());
        Assert.DoesNotContain(detail.GetProperty("checks").EnumerateArray(), c => c.GetProperty("code").GetString() == "bureau.no-hit");

        await using var scope = platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "application.bureau-overridden" && e.EntityId == id);
        Assert.Contains("paper report 2026-11", entry.DataJson, StringComparison.Ordinal);
        Assert.False(await db.Referrals.AnyAsync(r => r.ApplicationId == Guid.Parse(id!) && r.ResolvedAt == null));
    }

    [SkippableFact]
    public async Task Staff_figures_with_a_recent_90_plus_delinquency_decline_with_that_reason()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");
        var referred = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", ScreeningScenarios<TPlatform>.FromRegion(Applications.NoHitRegion)));

        var recorded = await underwriter.PostAsJsonAsync($"/api/v1/applications/{referred.GetProperty("applicationId").GetString()}/bureau-override", new
        {
            reason = "report printed at the branch shows a written-off card",
            figures = CleanFigures() with { WorstStatus24m = 4, Count30Plus = 3, Count60Plus = 2, Count90Plus = 1, MonthsSinceLast30PlusLate = 2, MonthsSinceLast90PlusLate = 2 },
        });

        Assert.Equal("declined", (await Json(recorded)).GetProperty("status").GetString());
        Assert.Equal("fail", (await CheckAsync(underwriter, referred, "bureau.recent-90-plus")).GetProperty("outcome").GetString());
    }

    private static Figures CleanFigures() => new(0, null, 0, 0, 0, null, 0.2m, 0, 0, 1, 1, 2_000m, 96, 0);

    private sealed record Figures(
        int WorstStatus24m, int? MonthsSinceLast30PlusLate, int Count30Plus, int Count60Plus, int Count90Plus, int? MonthsSinceLast90PlusLate, decimal? RevolvingUtilisation,
        int LoanInquiries1m, int LoanInquiries3m, int LoanInquiries6m, int ActiveLoans, decimal MonthlyObligations, int? OldestAccountMonths, int OpenPublicRecords);

    private static async Task<JsonElement> CheckAsync(HttpClient staff, JsonElement decision, string code)
    {
        var detail = await Json(await staff.GetAsync($"/api/v1/applications/{decision.GetProperty("applicationId").GetString()}"));
        return detail.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}

public sealed class BureauFiguresOnSqlite(SqlitePlatform platform) : BureauFigureScenarios<SqlitePlatform>(platform);

public sealed class BureauFiguresOnPostgres(PostgresPlatform platform) : BureauFigureScenarios<PostgresPlatform>(platform);
