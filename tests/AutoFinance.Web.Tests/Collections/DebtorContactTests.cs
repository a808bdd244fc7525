using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Collections;

/// <summary>A collector sees who to call, the mobile masked until revealed, and every reveal is audited without the number.</summary>
public sealed class DebtorContactTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    private async Task<Guid> LiNasLoanAsync()
    {
        using var scope = platform.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var hash = scope.ServiceProvider.GetRequiredService<AutoFinance.Infrastructure.Identity.AccountNames>().LookupHash("13800138000");
        var customer = await db.Users.AsNoTracking().Where(u => u.UserNameHash == hash).Select(u => u.CustomerId).FirstAsync();
        return await db.Loans.AsNoTracking().Where(l => l.CustomerId == customer).Select(l => l.Id).FirstAsync();
    }

    [Fact]
    public async Task A_collector_sees_the_debtors_name_and_a_masked_mobile()
    {
        var loan = await LiNasLoanAsync();
        using var collector = await platform.SignedIn("collector");

        var debtor = await collector.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loan}/debtor");

        Assert.Equal("Li Na", debtor.GetProperty("name").GetString());
        Assert.Equal("138****8000", debtor.GetProperty("mobile").GetString());
        Assert.True(debtor.GetProperty("mobileMasked").GetBoolean());
        Assert.True(debtor.GetProperty("mayReveal").GetBoolean());
    }

    [Fact]
    public async Task Revealing_the_mobile_answers_the_whole_number_and_audits_who_and_which_loan_but_not_the_number()
    {
        var loan = await LiNasLoanAsync();
        using var collector = await platform.SignedIn("collector");

        var response = await collector.PostAsync($"/api/v1/loans/{loan}/debtor/reveal", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var revealed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("13800138000", revealed.GetProperty("mobile").GetString());
        Assert.False(revealed.GetProperty("mobileMasked").GetBoolean());
        using var scope = platform.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "collections.mobile-revealed" && e.EntityId == loan.ToString()).ToListAsync();
        var entry = Assert.Single(entries);
        Assert.StartsWith("collector:", entry.Actor, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", entry.DataJson, StringComparison.Ordinal);
        Assert.DoesNotContain("8000", entry.DataJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Li Na", entry.DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_agent_sees_the_mask_and_may_not_reveal_and_a_customer_sees_nothing()
    {
        var loan = await LiNasLoanAsync();
        using var agent = await platform.SignedIn("agent");
        var seen = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loan}/debtor");
        Assert.Equal("138****8000", seen.GetProperty("mobile").GetString());
        Assert.False(seen.GetProperty("mayReveal").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"/api/v1/loans/{loan}/debtor/reveal", null)).StatusCode);

        using var customer = await platform.SignedIn("13800138000");
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync($"/api/v1/loans/{loan}/debtor")).StatusCode);
    }

    [Fact]
    public async Task The_contact_page_masks_the_mobile_until_the_collector_reveals_it()
    {
        var loan = await LiNasLoanAsync();
        using var collector = await platform.SignedIn("collector");

        var page = await collector.GetStringAsync($"/collections/{loan}");

        Assert.Contains("138****8000", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"debtor-reveal\"", page, StringComparison.Ordinal);
    }
}
