using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Tests.Origination;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Privacy;

/// <summary>Data export for the customer alone, and erasure that anonymises an applicant but keeps a borrower, saying why.</summary>
public sealed class PersonalDataTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task A_customer_exports_their_own_data_and_no_one_else_can()
    {
        using var customer = await platform.SignedIn("13800138000");
        var data = await customer.GetFromJsonAsync<JsonElement>("/api/v1/me/data");
        var me = data.GetProperty("customer");
        Assert.Equal(18, me.GetProperty("nationalId").GetString()!.Length);
        Assert.Equal("13800138000", me.GetProperty("mobile").GetString());
        var customerId = me.GetProperty("id").GetString();
        // What the lender holds about her beyond the forms: the credit check she authorised and the report it pulled,
        // the contract she signed, her documents and surveys.
        var authorisation = Assert.Single(data.GetProperty("creditCheckAuthorisations").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(authorisation.GetProperty("textVersion").GetString()));
        Assert.Contains(data.GetProperty("creditReportsPulled").EnumerateArray(), r => r.GetProperty("authorisationId").GetString() == authorisation.GetProperty("id").GetString());
        Assert.NotEmpty(data.GetProperty("contracts").EnumerateArray());
        Assert.Equal(JsonValueKind.Array, data.GetProperty("documents").ValueKind);
        Assert.Equal(JsonValueKind.Array, data.GetProperty("surveys").ValueKind);

        using var other = await platform.SignedIn("13900139000");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/customers/{customerId}/data")).StatusCode);
        using var dealer = platform.Dealer();
        Assert.Equal(HttpStatusCode.Forbidden, (await dealer.GetAsync($"/api/v1/customers/{customerId}/data")).StatusCode);
    }

    [Fact]
    public async Task Erasure_anonymises_an_applicant_and_keeps_a_borrower_with_the_reason()
    {
        using var admin = await platform.SignedIn("admin");
        using var dealer = platform.Dealer();
        var body = Applications.Prime();
        var nationalId = (string)((Dictionary<string, object?>)body["applicant"]!)["nationalId"]!;
        var decision = await (await dealer.PostAsJsonAsync("/api/v1/applications", body)).Content.ReadFromJsonAsync<JsonElement>();
        await using var db = platform.App.Services.CreateScope().ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var applicationId = Guid.Parse(decision.GetProperty("applicationId").GetString()!);
        var applicantId = (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId)).CustomerId;

        var missingReason = await admin.PostAsJsonAsync($"/api/v1/customers/{applicantId}/erasure", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.StatusCode);

        var erased = await (await admin.PostAsJsonAsync($"/api/v1/customers/{applicantId}/erasure", new { reason = "customer asked by letter" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(erased.GetProperty("erased").GetBoolean());
        var export = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{applicantId}/data");
        Assert.True(await db.AuditEntries.AsNoTracking().AnyAsync(e => e.Action == "customer.exported" && e.EntityId == applicantId.ToString()));
        Assert.Equal("erased", export.GetProperty("customer").GetProperty("nationalId").GetString());
        Assert.DoesNotContain(nationalId, export.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await db.AuditEntries.AsNoTracking().Select(e => e.DataJson).ToListAsync(), json => json.Contains(nationalId, StringComparison.Ordinal));

        using var customer = await platform.SignedIn("13800138000");
        var borrowerId = (await customer.GetFromJsonAsync<JsonElement>("/api/v1/me/data")).GetProperty("customer").GetProperty("id").GetString();
        var kept = await (await admin.PostAsJsonAsync($"/api/v1/customers/{borrowerId}/erasure", new { reason = "customer asked" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(kept.GetProperty("erased").GetBoolean());
        Assert.Contains("five years", kept.GetProperty("keptBecause").GetString(), StringComparison.Ordinal);
        Assert.Equal("13800138000", (await customer.GetFromJsonAsync<JsonElement>("/api/v1/me/data")).GetProperty("customer").GetProperty("mobile").GetString());
    }
}
