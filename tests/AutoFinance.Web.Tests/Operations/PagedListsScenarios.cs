using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Operations;

/// <summary>No back-office list stops short: every page together holds every row, the total is always told, and the CSV export holds them all and is audited.</summary>
public abstract class PagedListsScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    [SkippableFact]
    public async Task No_list_truncates_every_page_together_holds_every_row()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");
        int loansInDb, applicationsInDb;
        await using (var scope = platform.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
            loansInDb = await db.Loans.CountAsync();
            applicationsInDb = await db.Applications.CountAsync();
        }

        Assert.Equal(loansInDb, (await ReadAllAsync(admin, "/api/v1/loans?pageSize=2&sort=reference", "loanId")).Count);
        Assert.Equal(applicationsInDb, (await ReadAllAsync(admin, "/api/v1/applications?limit=3&sort=-score", "applicationId")).Count);
    }

    [SkippableFact]
    public async Task The_case_queue_referrals_surveys_and_inbox_are_paged_with_their_total()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");
        using var customer = await platform.SignedIn("13800138000");
        int openCases, openReferrals, surveys;
        await using (var scope = platform.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
            openCases = await db.ServiceCases.CountAsync(c => c.Status != Domain.ServiceDesk.CaseStatus.Resolved);
            openReferrals = await db.Referrals.CountAsync(r => r.ResolvedAt == null);
            surveys = await db.Surveys.CountAsync();
        }

        Assert.True(openCases > 1 && openReferrals > 1, "the demo data holds several open cases and referrals");
        Assert.Equal(openCases, (await ReadAllAsync(admin, "/api/v1/cases?pageSize=1", "caseId")).Count);
        Assert.Equal(openReferrals, (await ReadAllAsync(admin, "/api/v1/referrals?pageSize=1", "referralId")).Count);
        Assert.Equal(surveys, (await ReadAllAsync(admin, "/api/v1/surveys?pageSize=2", "surveyId")).Count);
        var inbox = await customer.GetAsync("/api/v1/messages?pageSize=1");
        Assert.True(int.Parse(inbox.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture) >= (await inbox.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
    }

    [SkippableFact]
    public async Task The_csv_export_holds_every_loan_and_is_audited()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");
        using var agent = await platform.SignedIn("agent");
        var response = await manager.GetAsync("/api/v1/loans/export.csv?sort=dpd");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await using var scope = platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        Assert.Equal(await db.Loans.CountAsync() + 1, lines.Length);
        Assert.StartsWith("reference,status,principal", lines[0], StringComparison.Ordinal);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "list.exported" && e.EntityId == "loans"));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/loans/export.csv")).StatusCode);
    }

    /// <summary>Follows the pages until the told total is reached, checking each page's total and that no row repeats.</summary>
    private static async Task<HashSet<Guid>> ReadAllAsync(HttpClient client, string first, string idField)
    {
        var seen = new HashSet<Guid>();
        for (var page = 1; page < 10_000; page++)
        {
            var response = await client.GetAsync($"{first}&page={page}");
            response.EnsureSuccessStatusCode();
            var total = int.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
            var rows = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
            foreach (var row in rows)
            {
                Assert.True(seen.Add(row.GetProperty(idField).GetGuid()), "a row came on two pages");
            }

            if (seen.Count >= total || rows.Count == 0)
            {
                Assert.Equal(total, seen.Count);
                return seen;
            }
        }

        throw new InvalidOperationException("the pages never ended");
    }
}

public sealed class PagedListsOnSqlite(SqlitePlatform platform) : PagedListsScenarios<SqlitePlatform>(platform);

public sealed class PagedListsOnPostgres(PostgresPlatform platform) : PagedListsScenarios<PostgresPlatform>(platform);
