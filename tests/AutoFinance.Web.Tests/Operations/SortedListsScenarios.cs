using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Operations;

/// <summary>
/// Every back-office list sorts, filters and exports the same way: the sort keys a reader would use, status, date and
/// word filters, a 400 naming the field with a stable code for a key the list does not know, and an audited CSV of every
/// matching row.
/// </summary>
public abstract class SortedListsScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    public static readonly TheoryData<string, string> Lists = new()
    {
        { "/api/v1/cases", "opened" },
        { "/api/v1/referrals", "score" },
        { "/api/v1/documents/pending", "uploaded" },
        { "/api/v1/surveys", "created" },
        { "/api/v1/payouts", "amount" },
        { "/api/v1/refunds", "owed" },
        { "/api/v1/approvals", "requested" },
        { "/api/v1/admin/blacklist", "added" },
        { "/api/v1/admin/users", "name" },
        { "/api/v1/admin/dealers", "code" },
        { "/api/v1/write-offs", "requested" },
        { "/api/v1/write-offs/loans", "principal" },
        { "/api/v1/hardship-requests", "requested" },
        { "/api/v1/collections/worklist", "dpd" },
        { "/api/v1/models/versions", "uploaded" },
        { "/api/v1/admin/products", "code" },
        { "/api/v1/jobs/runs", "started" },
    };

    [SkippableTheory]
    [MemberData(nameof(Lists))]
    public async Task Every_list_sorts_tells_its_total_refuses_an_unknown_sort_key_and_exports_audited_csv(string list, string sort)
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");

        var sorted = await admin.GetAsync($"{list}?sort=-{sort}&pageSize=5");
        Assert.Equal(HttpStatusCode.OK, sorted.StatusCode);
        var total = int.Parse(sorted.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((await sorted.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength() == Math.Min(5, total));

        var bad = await admin.GetAsync($"{list}?sort=shoe-size");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems")[0];
        Assert.Equal(("sort", "list.sort.unknown"), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));

        var exportsBefore = await ExportsAsync();
        var export = await admin.GetAsync($"{list}/export.csv?sort={sort}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length - 1 >= total, "the export holds every row the list counts");
        Assert.True(await ExportsAsync() > exportsBefore, "each export leaves an audit entry");
    }

    private async Task<int> ExportsAsync()
    {
        await using var scope = platform.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>().AuditEntries.CountAsync(e => e.Action == "list.exported");
    }

    [SkippableFact]
    public async Task The_users_list_sorts_by_name_filters_by_role_and_by_words()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");

        var names = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?sort=-name&pageSize=500")).EnumerateArray().Select(u => u.GetProperty("userName").GetString()!).ToList();
        Assert.Equal(names.OrderByDescending(n => n, StringComparer.Ordinal), names);

        var collectors = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?status=collector")).EnumerateArray().ToList();
        Assert.NotEmpty(collectors);
        Assert.All(collectors, u => Assert.Equal("collector", u.GetProperty("role").GetString()));

        var found = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?q=MANAGER")).EnumerateArray().ToList();
        Assert.Contains(found, u => u.GetProperty("userName").GetString() == "manager");

        var unknownRole = await manager.GetAsync("/api/v1/admin/users?status=pilot");
        Assert.Equal(HttpStatusCode.BadRequest, unknownRole.StatusCode);
        Assert.Contains("list.status.unknown", await unknownRole.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_date_filter_keeps_the_rows_of_those_days_and_a_bad_date_names_its_field()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");

        var all = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/approvals?status=&pageSize=500")).EnumerateArray().ToList();
        var future = await manager.GetAsync("/api/v1/approvals?from=2999-01-01");
        Assert.Equal("0", future.Headers.GetValues("X-Total-Count").Single());
        var past = await manager.GetAsync("/api/v1/approvals?to=2999-01-01&pageSize=500");
        Assert.Equal(all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), past.Headers.GetValues("X-Total-Count").Single());

        var bad = await manager.GetAsync("/api/v1/approvals?from=yesterday&to=2020-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("list.date.invalid", body, StringComparison.Ordinal);
        Assert.Contains("\"from\"", body, StringComparison.Ordinal);
        var inverted = await manager.GetAsync("/api/v1/approvals?from=2026-02-01&to=2026-01-01");
        Assert.Contains("list.range.inverted", await inverted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_loans_list_refuses_an_unknown_sort_key_as_the_other_lists_do()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");
        foreach (var path in new[] { "/api/v1/loans?sort=colour", "/api/v1/applications?sort=colour", "/api/v1/loans/export.csv?sort=colour" })
        {
            var answer = await manager.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Contains("list.sort.unknown", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}

public sealed class SortedListsOnSqlite(SqlitePlatform platform) : SortedListsScenarios<SqlitePlatform>(platform);

public sealed class SortedListsOnPostgres(PostgresPlatform platform) : SortedListsScenarios<PostgresPlatform>(platform);
