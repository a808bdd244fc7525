using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Privacy;

/// <summary>
/// Staff read a customer's data export masked unless it is justified: by the customer's own open data request, or by
/// an unmasked export a second person approved for the staff member asking (never the requester themselves). The
/// answer says which; every unmasked read is audited without the data.
/// </summary>
public sealed class StaffExportTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    private const string LiNa = "13800138000";
    private const string WangWei = "13900139000";

    [Fact]
    public async Task A_staff_export_is_masked_by_default_and_says_why()
    {
        var (customerId, nationalId, mobile) = await IdentityOf(WangWei);
        using var agent = await platform.SignedIn("agent");
        var export = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/data");

        var access = export.GetProperty("access");
        Assert.True(access.GetProperty("masked").GetBoolean());
        Assert.Equal(ExportAccess.NoGround, access.GetProperty("basis").GetString());
        var customer = export.GetProperty("customer");
        Assert.Equal(ExportMasking.NationalId(nationalId), customer.GetProperty("nationalId").GetString());
        Assert.Equal(ExportMasking.Mobile(mobile), customer.GetProperty("mobile").GetString());
        Assert.DoesNotContain(nationalId, export.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(mobile, export.ToString(), StringComparison.Ordinal);
        Assert.Equal((Masked: true, Basis: ExportAccess.NoGround), await LastExportAuditedAsync(customerId, nationalId));
    }

    [Fact]
    public async Task The_customers_own_data_request_unmasks_the_export_for_staff_until_the_case_is_resolved()
    {
        var (customerId, nationalId, mobile) = await IdentityOf(WangWei);
        using var customer = await platform.SignedIn(WangWei);
        using var agent = await platform.SignedIn("agent");

        // Staff cannot record the customer's request for them.
        var byStaff = await agent.PostAsJsonAsync("/api/v1/cases", new { kind = "data-request", category = "other", subject = "Data copy", description = "Customer asked by phone.", customerId });
        Assert.Equal(HttpStatusCode.BadRequest, byStaff.StatusCode);
        Assert.Contains("\"kind\"", await byStaff.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var opened = await customer.PostAsJsonAsync("/api/v1/cases", new { kind = "data-request", category = "other", subject = "My data", description = "Please send me everything you hold about me." });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var request = await opened.Content.ReadFromJsonAsync<JsonElement>();

        var export = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/data");
        var access = export.GetProperty("access");
        Assert.False(access.GetProperty("masked").GetBoolean());
        Assert.Equal(ExportAccess.DataSubjectRequest, access.GetProperty("basis").GetString());
        Assert.Equal(request.GetProperty("reference").GetString(), access.GetProperty("reference").GetString());
        Assert.Equal(nationalId, export.GetProperty("customer").GetProperty("nationalId").GetString());
        Assert.Equal(mobile, export.GetProperty("customer").GetProperty("mobile").GetString());
        Assert.Equal((Masked: false, Basis: ExportAccess.DataSubjectRequest), await LastExportAuditedAsync(customerId, nationalId));

        var resolved = await agent.PostAsJsonAsync($"/api/v1/cases/{request.GetProperty("caseId").GetString()}/resolve", new { rootCause = "no-fault-found", resolution = "Export sent to the customer." });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var after = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/data");
        Assert.True(after.GetProperty("access").GetProperty("masked").GetBoolean());
        Assert.DoesNotContain(nationalId, after.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_persons_approval_unmasks_the_export_for_the_requester_alone_and_never_on_their_own_say()
    {
        var (customerId, nationalId, mobile) = await IdentityOf(LiNa);
        using var manager = await platform.SignedIn("manager");
        using var admin = await platform.SignedIn("admin");
        using var agent = await platform.SignedIn("agent");

        var noReason = await manager.PostAsJsonAsync($"/api/v1/customers/{customerId}/data/unmask-requests", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/v1/customers/{Guid.NewGuid()}/data/unmask-requests", new { reason = "court order 42" })).StatusCode);

        var asked = await manager.PostAsJsonAsync($"/api/v1/customers/{customerId}/data/unmask-requests", new { reason = "court order 42" });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var approvalId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approvalId").GetString();
        Assert.True((await manager.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/data")).GetProperty("access").GetProperty("masked").GetBoolean());

        // The requester cannot approve their own request, and a pending one unmasks nothing.
        var own = await manager.PostAsync($"/api/v1/approvals/{approvalId}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.True((await manager.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/data")).GetProperty("access").GetProperty("masked").GetBoolean());

        var approved = await admin.PostAsync($"/api/v1/approvals/{approvalId}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var export = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/data");
        var access = export.GetProperty("access");
        Assert.False(access.GetProperty("masked").GetBoolean());
        Assert.Equal(ExportAccess.FourEyesApproval, access.GetProperty("basis").GetString());
        Assert.Equal(approvalId, access.GetProperty("reference").GetString());
        Assert.Equal(nationalId, export.GetProperty("customer").GetProperty("nationalId").GetString());
        Assert.Equal(mobile, export.GetProperty("customer").GetProperty("mobile").GetString());
        Assert.Equal((Masked: false, Basis: ExportAccess.FourEyesApproval), await LastExportAuditedAsync(customerId, nationalId));

        // The approval opened the export to the manager who asked, not to everyone.
        foreach (var other in new[] { agent, admin })
        {
            var theirs = await other.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/data");
            Assert.True(theirs.GetProperty("access").GetProperty("masked").GetBoolean());
            Assert.DoesNotContain(nationalId, theirs.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Only_staff_who_may_export_can_ask_for_an_unmasked_export()
    {
        var (customerId, _, _) = await IdentityOf(LiNa);
        using var customer = await platform.SignedIn(LiNa);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PostAsJsonAsync($"/api/v1/customers/{customerId}/data/unmask-requests", new { reason = "my own data" })).StatusCode);
        using var underwriter = await platform.SignedIn("underwriter");
        Assert.Equal(HttpStatusCode.Forbidden, (await underwriter.PostAsJsonAsync($"/api/v1/customers/{customerId}/data/unmask-requests", new { reason = "curious" })).StatusCode);
    }

    private async Task<(Guid CustomerId, string NationalId, string Mobile)> IdentityOf(string userName)
    {
        using var customer = await platform.SignedIn(userName);
        var me = (await customer.GetFromJsonAsync<JsonElement>("/api/v1/me/data")).GetProperty("customer");
        return (me.GetProperty("id").GetGuid(), me.GetProperty("nationalId").GetString()!, me.GetProperty("mobile").GetString()!);
    }

    /// <summary>The newest export of the customer in the audit log: masked or not, on what ground; it never holds the national ID.</summary>
    private async Task<(bool Masked, string Basis)> LastExportAuditedAsync(Guid customerId, string nationalId)
    {
        await using var scope = platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var entry = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "customer.exported" && e.EntityId == customerId.ToString()).OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.DoesNotContain(nationalId, entry.DataJson, StringComparison.Ordinal);
        var data = JsonDocument.Parse(entry.DataJson).RootElement;
        return (data.GetProperty("masked").GetBoolean(), data.GetProperty("basis").GetString()!);
    }
}
