using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Components.Localization;
using AutoFinance.Web.Components.Shared;
using AutoFinance.Web.Tests.Origination;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Operations;

/// <summary>A platform whose model check alerts on a handful of scores, so a test can drift them.</summary>
public sealed class OperationsSqlitePlatform : SqlitePlatform
{
    protected override IEnumerable<string> Arguments => ["--Monitoring:MinimumScores=5"];
}

public sealed class OperationsPostgresPlatform : PostgresPlatform
{
    protected override IEnumerable<string> Arguments => ["--Monitoring:MinimumScores=5"];
}

/// <summary>The scheduler's jobs page API, the model drift alert, the approvals queue and back-office search.</summary>
public abstract class OperationsScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    [SkippableFact]
    public async Task Every_job_is_listed_with_its_next_run_and_an_admin_runs_end_of_day_now()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");
        using var manager = await platform.SignedIn("manager");

        var jobs = await manager.GetFromJsonAsync<JsonElement>("/api/v1/jobs");
        var names = jobs.EnumerateArray().Select(j => j.GetProperty("name").GetString()).ToList();
        Assert.Contains("end-of-day", names);
        Assert.Contains("insight-refresh", names);
        Assert.Contains("model-monitoring", names);
        Assert.Contains("sla-escalation", names);
        Assert.All(jobs.EnumerateArray(), j => Assert.True(j.GetProperty("nextRun").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddSeconds(-5)));

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync("/api/v1/jobs/end-of-day/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/jobs/no-such-job/run", null)).StatusCode);
        var response = await admin.PostAsync("/api/v1/jobs/end-of-day/run", null);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("succeeded", run.GetProperty("outcome").GetString());
        Assert.Equal("manual", run.GetProperty("trigger").GetString());
        Assert.StartsWith("closed ", run.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The run is in the database: the list (and so the page) shows it as the job's last run, with who asked.
        var after = await manager.GetFromJsonAsync<JsonElement>("/api/v1/jobs");
        var endOfDay = after.EnumerateArray().Single(j => j.GetProperty("name").GetString() == "end-of-day");
        Assert.Equal(run.GetProperty("runId").GetGuid(), endOfDay.GetProperty("lastRun").GetProperty("runId").GetGuid());
        Assert.StartsWith("admin:", endOfDay.GetProperty("lastRun").GetProperty("requestedBy").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_chinese_reader_sees_the_end_of_day_run_in_chinese_with_its_figures()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");
        var run = await (await admin.PostAsync("/api/v1/jobs/end-of-day/run", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("closed ", run.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var facts = run.GetProperty("detailFacts");
        string Fact(string name) => facts.GetProperty(name).GetString()!;
        string Figure(string name) => Fmt.Number(decimal.Parse(Fact(name), System.Globalization.CultureInfo.InvariantCulture));
        var day = DateOnly.ParseExact(Fact("day"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/jobs");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var page = await (await admin.SendAsync(request)).Content.ReadAsStringAsync();
        var row = page[page.IndexOf("data-job=\"end-of-day\"", StringComparison.Ordinal)..];
        var detail = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(row, "data-testid=\"job-detail\"[^>]*>(?<text>[^<]*)<").Groups["text"].Value).Trim();

        Assert.Equal(
            $"已关账 {Fmt.Date(day, UiLanguage.Zh)}：贷款 {Figure("loans")} 笔，分录 {Figure("entries")} 笔，核销 {Figure("chargedOff")} 笔；分区完成 {Figure("partitionsDone")} 个、剩余 {Figure("partitionsLeft")} 个；用时 {Figure("seconds")} 秒",
            detail);
        Assert.Contains($"{day.Year}年", detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_drifted_score_distribution_raises_one_alert_with_its_metric()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        for (var i = 0; i < 6; i++)
        {
            (await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime())).EnsureSuccessStatusCode();
        }

        // Every recent score falls far below the training distribution.
        await using (var scope = platform.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
            await db.Applications.Where(a => a.Score != null).ExecuteUpdateAsync(s => s.SetProperty(a => a.Score, -1_000_000d));
        }

        using var admin = await platform.SignedIn("admin");
        using var analyst = await platform.SignedIn("analyst");
        var run = await (await admin.PostAsync("/api/v1/jobs/model-monitoring/run", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("succeeded", run.GetProperty("outcome").GetString());
        Assert.Contains("alert raised", run.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var alerts = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/alerts");
        var drift = alerts.EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "model.psi");
        Assert.True(drift.GetProperty("figure").GetDouble() >= 0.25);
        Assert.Contains("autofinance_model_score_psi", await analyst.GetStringAsync("/metrics"), StringComparison.Ordinal);

        // The same day's check again raises nothing new; acknowledging clears the alert from the list.
        var again = await (await admin.PostAsync("/api/v1/jobs/model-monitoring/run", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain("alert raised", again.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single((await analyst.GetFromJsonAsync<JsonElement>("/api/v1/alerts")).EnumerateArray(), a => a.GetProperty("kind").GetString() == "model.psi");
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.PostAsync($"/api/v1/alerts/{drift.GetProperty("alertId").GetGuid()}/acknowledge", null)).StatusCode);
        Assert.DoesNotContain((await analyst.GetFromJsonAsync<JsonElement>("/api/v1/alerts")).EnumerateArray(), a => a.GetProperty("kind").GetString() == "model.psi");
    }

    [SkippableFact]
    public async Task A_rejection_keeps_its_reason_and_nobody_decides_their_own_request()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");
        using var admin = await platform.SignedIn("admin");
        var loans = await manager.GetFromJsonAsync<JsonElement>("/api/v1/loans");
        var loan = loans.EnumerateArray().First(l => l.GetProperty("status").GetString() == "active").GetProperty("loanId").GetGuid();
        var requested = await manager.PostAsJsonAsync($"/api/v1/loans/{loan}/write-off", new { reason = "customer deceased, estate empty" });
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var approval = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approvalId").GetGuid();

        var own = await manager.PostAsync($"/api/v1/approvals/{approval}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Contains("approval.four-eyes", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var rejected = await admin.PostAsJsonAsync($"/api/v1/approvals/{approval}/reject", new { reason = "estate not yet settled" });
        var view = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rejected", view.GetProperty("status").GetString());
        Assert.Equal("estate not yet settled", view.GetProperty("outcome").GetString());
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/approvals?status=rejected");
        Assert.Contains(listed.EnumerateArray(), a => a.GetProperty("approvalId").GetGuid() == approval);
    }

    [SkippableFact]
    public async Task Search_finds_a_customer_by_each_key()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        var body = Applications.Prime();
        var applicant = (Dictionary<string, object?>)body["applicant"]!;
        applicant["fullName"] = "Search Subject " + Guid.NewGuid().ToString("N")[..6];
        var vehicle = (Dictionary<string, object?>)body["vehicle"]!;
        var decided = await (await dealer.PostAsJsonAsync("/api/v1/applications", body)).Content.ReadFromJsonAsync<JsonElement>();
        var applicationId = decided.GetProperty("applicationId").GetGuid();
        var reference = decided.GetProperty("reference").GetString()!;

        using var agent = await platform.SignedIn("agent");
        async Task<JsonElement> Find(string q) => await agent.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString(q));
        static IEnumerable<Guid> Customers(JsonElement r) => r.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("customerId").GetGuid());
        static IEnumerable<Guid> Ids(JsonElement r, string list) => r.GetProperty(list).EnumerateArray().Select(c => c.GetProperty("id").GetGuid());

        var byId = await Find(((string)applicant["nationalId"]!).ToLowerInvariant());
        var customer = Assert.Single(Customers(byId));
        Assert.Contains(customer, Customers(await Find((string)applicant["fullName"]!)));
        Assert.Contains(customer, Customers(await Find("+86 " + (string)applicant["mobile"]!)));
        var byVin = await Find((string)vehicle["vin"]!);
        Assert.Contains(customer, Customers(byVin));
        Assert.Contains(applicationId, Ids(byVin, "applications"));
        Assert.Contains(applicationId, Ids(await Find(reference.ToLowerInvariant()), "applications"));

        using var liNa = await platform.SignedIn("13800138000");
        var loan = (await liNa.GetFromJsonAsync<JsonElement>("/api/v1/loans")).EnumerateArray().First();
        Assert.Contains(loan.GetProperty("loanId").GetGuid(), Ids(await Find(loan.GetProperty("reference").GetString()!), "loans"));
        var @case = (await liNa.GetFromJsonAsync<JsonElement>("/api/v1/cases")).EnumerateArray().First();
        Assert.Contains(@case.GetProperty("caseId").GetGuid(), Ids(await Find(@case.GetProperty("reference").GetString()!), "cases"));

        Assert.Empty(Customers(await Find("no such person anywhere")));
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.GetAsync("/api/v1/search?q=x")).StatusCode);
        using var customerClient = await platform.SignedIn("13900139000");
        Assert.Equal(HttpStatusCode.Forbidden, (await customerClient.GetAsync("/api/v1/search?q=" + reference)).StatusCode);
    }
}

public sealed class OperationsOnSqlite(OperationsSqlitePlatform platform) : OperationsScenarios<OperationsSqlitePlatform>(platform);

public sealed class OperationsOnPostgres(OperationsPostgresPlatform platform) : OperationsScenarios<OperationsPostgresPlatform>(platform);
