using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Admin;

/// <summary>
/// Admins read the audit log: filtered, counted and paged in the database, newest first, with the list's stable codes
/// for bad input in the caller's language, as CSV written while it is read, and every search and export itself recorded.
/// </summary>
public abstract class AuditLogScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    /// <summary>
    /// Seven entries by one actor of this test's own: three payments on loan A on 2021-03-01 (Beijing), two on case B
    /// late that evening, then two on loan A just after midnight Beijing time (still 2021-03-01 in UTC).
    /// </summary>
    private async Task<(string Actor, string LoanA, string CaseB)> SevenEntriesAsync()
    {
        var actor = $"underwriter:{Guid.NewGuid()}";
        var loan = Guid.NewGuid().ToString();
        var @case = Guid.NewGuid().ToString();
        await using var scope = platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var day = new DateTimeOffset(2021, 3, 1, 2, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= 3; i++)
        {
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor, "loan.test-payment", "loan", loan, new { Amount = 100.10m * i })], day.AddMinutes(i), default);
        }

        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor, "case.test-note", "case", @case, new { Note = 1 }), new AuditEvent(actor, "case.test-note", "case", @case, new { Note = 2 })], day.AddHours(13), default);
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor, "loan.test-late", "loan", loan, new { Amount = 1m }), new AuditEvent(actor, "loan.test-late", "loan", loan, new { Amount = 2m })], day.AddHours(14).AddMinutes(30), default);
        return (actor, loan, @case);
    }

    private static int Total(HttpResponseMessage response) => int.Parse(response.Headers.GetValues("X-Total-Count").Single(), CultureInfo.InvariantCulture);

    private static async Task<List<JsonElement>> Entries(HttpResponseMessage response) => [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];

    private async Task<int> CountAsync(string action)
    {
        await using var scope = platform.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>().AuditEntries.CountAsync(e => e.Action == action);
    }

    [SkippableFact]
    public async Task The_log_filters_counts_and_pages_newest_first()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        var (actor, loan, @case) = await SevenEntriesAsync();
        using var admin = await platform.SignedIn("admin");
        var by = "/api/v1/admin/audit?actor=" + Uri.EscapeDataString(actor);

        var first = await admin.GetAsync(by + "&pageSize=3");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(7, Total(first));
        var page1 = await Entries(first);
        Assert.Equal(3, page1.Count);
        var sequences = page1.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);
        Assert.Equal("loan.test-late", page1[0].GetProperty("action").GetString());
        Assert.Equal(2m, page1[0].GetProperty("data").GetProperty("amount").GetDecimal());
        Assert.Equal((actor, "loan", loan), (page1[0].GetProperty("actor").GetString(), page1[0].GetProperty("entityType").GetString(), page1[0].GetProperty("entityId").GetString()));

        var last = await admin.GetAsync(by + "&pageSize=3&page=3");
        Assert.Equal(7, Total(last));
        var oldest = Assert.Single(await Entries(last));
        Assert.Equal(100.10m, oldest.GetProperty("data").GetProperty("amount").GetDecimal());
        Assert.Equal(new DateTimeOffset(2021, 3, 1, 2, 1, 0, TimeSpan.Zero), oldest.GetProperty("at").GetDateTimeOffset());

        Assert.Equal(5, Total(await admin.GetAsync(by + "&action=loan.")));
        Assert.Equal(5, Total(await admin.GetAsync(by + "&action=loan.test*")));
        Assert.Equal(3, Total(await admin.GetAsync(by + "&action=loan.test-payment")));
        Assert.Equal(0, Total(await admin.GetAsync(by + "&action=loan")));
        Assert.Equal(2, Total(await admin.GetAsync(by + "&entityType=case")));
        Assert.Equal(2, Total(await admin.GetAsync($"/api/v1/admin/audit?entityId={@case}")));
        Assert.Equal(5, Total(await admin.GetAsync($"/api/v1/admin/audit?entityType=loan&entityId={loan}")));

        // Beijing days: the two entries at 22:30 UTC fall on 2 March there.
        Assert.Equal(5, Total(await admin.GetAsync(by + "&from=2021-03-01&to=2021-03-01")));
        var second = await admin.GetAsync(by + "&from=2021-03-02");
        Assert.Equal(2, Total(second));
        Assert.All(await Entries(second), e => Assert.Equal("loan.test-late", e.GetProperty("action").GetString()));
        Assert.Equal(0, Total(await admin.GetAsync(by + "&to=2021-02-28")));
    }

    [SkippableFact]
    public async Task A_loan_number_finds_the_actions_on_that_loan()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        Guid loan;
        string number;
        await using (var scope = platform.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
            var first = await db.Loans.AsNoTracking().OrderBy(l => l.Reference).Select(l => new { l.Id, l.Reference }).FirstAsync();
            (loan, number) = (first.Id, first.Reference);
            await AuditLog.SaveWithAsync(db, [new AuditEvent("admin", "loan.test-lookup", "loan", loan.ToString(), new { })], DateTimeOffset.UtcNow, default);
        }

        using var admin = await platform.SignedIn("admin");
        var found = await admin.GetAsync($"/api/v1/admin/audit?entityId={Uri.EscapeDataString(number)}&action=loan.test-lookup");

        Assert.Equal(1, Total(found));
        Assert.Equal(loan.ToString(), (await Entries(found))[0].GetProperty("entityId").GetString());
    }

    [SkippableFact]
    public async Task A_debtors_mobile_revealed_by_a_collector_is_found_by_the_collectors_user_name()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        string loan;
        await using (var scope = platform.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
            var hash = scope.ServiceProvider.GetRequiredService<AutoFinance.Infrastructure.Identity.AccountNames>().LookupHash("13800138000");
            var customer = await db.Users.AsNoTracking().Where(u => u.UserNameHash == hash).Select(u => u.CustomerId).FirstAsync();
            loan = (await db.Loans.AsNoTracking().Where(l => l.CustomerId == customer).Select(l => l.Id).FirstAsync()).ToString();
        }

        using var collector = await platform.SignedIn("collector");
        Assert.Equal(HttpStatusCode.OK, (await collector.PostAsync($"/api/v1/loans/{loan}/debtor/reveal", null)).StatusCode);

        using var admin = await platform.SignedIn("admin");
        var found = await Entries(await admin.GetAsync("/api/v1/admin/audit?actor=collector&action=collections.mobile-revealed"));

        var reveal = Assert.Single(found, e => e.GetProperty("entityId").GetString() == loan);
        Assert.StartsWith("collector:", reveal.GetProperty("actor").GetString(), StringComparison.Ordinal);
        Assert.Equal("mobile", reveal.GetProperty("data").GetProperty("field").GetString());
    }

    [SkippableFact]
    public async Task Bad_dates_an_inverted_range_and_a_page_below_one_are_refused_naming_the_field_in_the_callers_language()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");

        var english = await admin.GetAsync("/api/v1/admin/audit?from=yesterday&to=2021-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        Assert.Equal("application/problem+json", english.Content.Headers.ContentType?.MediaType);
        var problem = await english.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["from=list.date.invalid", "to=list.date.invalid"], Codes(problem));
        Assert.Equal("must be a date as yyyy-MM-dd", problem.GetProperty("errors").GetProperty("from")[0].GetString());

        using var chineseRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/audit/export.csv?from=2021-03-02&to=2021-03-01");
        chineseRequest.Headers.Add("Accept-Language", "zh-CN");
        var chinese = await admin.SendAsync(chineseRequest);
        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        var inverted = await chinese.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["from=list.range.inverted"], Codes(inverted));
        Assert.Equal("开始日期不能晚于结束日期", inverted.GetProperty("errors").GetProperty("from")[0].GetString());

        var page = await admin.GetAsync("/api/v1/admin/audit?page=0");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(["page=list.page.invalid"], Codes(await page.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [SkippableFact]
    public async Task Only_admins_read_or_export_the_log()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        foreach (var path in new[] { "/api/v1/admin/audit", "/api/v1/admin/audit/export.csv" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Anonymous().GetAsync(path)).StatusCode);
            foreach (var user in new[] { "manager", "collector", "13800138000" })
            {
                using var client = await platform.SignedIn(user);
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
            }
        }
    }

    [SkippableFact]
    public async Task Each_search_is_itself_recorded_with_its_filters()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        var (actor, loan, _) = await SevenEntriesAsync();
        using var admin = await platform.SignedIn("admin");

        await admin.GetAsync($"/api/v1/admin/audit?actor={Uri.EscapeDataString(actor)}&entityId={loan}&from=2021-03-01&pageSize=2");

        // The newest search found is the one before it: a search is recorded once it has read its page.
        var search = (await Entries(await admin.GetAsync("/api/v1/admin/audit?action=audit.searched&pageSize=1")))[0];
        Assert.Equal(("audit-log", "audit.searched"), (search.GetProperty("entityType").GetString(), search.GetProperty("action").GetString()));
        Assert.StartsWith("admin:", search.GetProperty("actor").GetString(), StringComparison.Ordinal);
        var data = search.GetProperty("data");
        Assert.Equal(actor, data.GetProperty("filters").GetProperty("actor").GetString());
        Assert.Equal(loan, data.GetProperty("filters").GetProperty("entityId").GetString());
        Assert.Equal("2021-03-01", data.GetProperty("filters").GetProperty("from").GetString());
        Assert.Equal(5, data.GetProperty("matched").GetInt32());
    }

    [SkippableFact]
    public async Task The_export_is_every_match_newest_first_as_csv_and_is_recorded()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        var (actor, loan, _) = await SevenEntriesAsync();
        using var admin = await platform.SignedIn("admin");
        var exportsBefore = await CountAsync(AuditSearch.Exported);

        var export = await admin.GetAsync($"/api/v1/admin/audit/export.csv?actor={Uri.EscapeDataString(actor)}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sequence,at,actor,action,entityType,entityId,data", lines[0]);
        Assert.Equal(8, lines.Length);
        Assert.Equal($"{actor},loan.test-late,loan,{loan},\"{{\"\"amount\"\":2}}\"", lines[1][(lines[1].IndexOf("Z,", StringComparison.Ordinal) + 2)..]);
        Assert.Contains("2021-03-01T02:01:00.000Z", lines[7], StringComparison.Ordinal);
        Assert.Contains("\"{\"\"amount\"\":100.10}\"", lines[7], StringComparison.Ordinal);
        var sequences = lines.Skip(1).Select(l => long.Parse(l[..l.IndexOf(',', StringComparison.Ordinal)], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);
        Assert.Equal(exportsBefore + 1, await CountAsync(AuditSearch.Exported));

        var recorded = (await Entries(await admin.GetAsync("/api/v1/admin/audit?action=audit.exported&pageSize=1")))[0];
        Assert.Equal(7, recorded.GetProperty("data").GetProperty("rows").GetInt32());
    }

    [SkippableFact]
    public async Task The_page_names_the_actions_in_the_readers_language_and_refuses_other_roles()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        var (actor, loan, _) = await SevenEntriesAsync();
        using var admin = await platform.SignedIn("admin");

        var page = await admin.GetStringAsync($"/audit?actor={Uri.EscapeDataString(actor)}&action=loan.test-late");
        Assert.Contains($"href=\"/loans/{loan}\"", page, StringComparison.Ordinal);
        Assert.Contains("amount: 2", page, StringComparison.Ordinal);

        var searches = await admin.GetStringAsync("/audit?action=audit.searched");
        Assert.Contains("查询审计日志", searches, StringComparison.Ordinal);

        using var manager = await platform.SignedIn("manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/audit")).StatusCode);
    }

    private static List<string> Codes(JsonElement problem) =>
        [.. problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString() + "=" + p.GetProperty("code").GetString()).Order()];
}

public sealed class AuditLogOnSqlite(SqlitePlatform platform) : AuditLogScenarios<SqlitePlatform>(platform);

public sealed class AuditLogOnPostgres(PostgresPlatform platform) : AuditLogScenarios<PostgresPlatform>(platform);
