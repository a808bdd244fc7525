using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AutoFinance.Web.Tests.Admin;

/// <summary>The console's four-eyes changes through the API: a manager asks, another person decides, and only then does anything change.</summary>
public abstract class ConsoleScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    [SkippableFact]
    public async Task A_role_change_waits_for_a_second_person_and_then_ends_the_old_sessions()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");
        using var manager = await platform.SignedIn("manager");
        using var agent = await platform.SignedIn("agent");
        var users = await manager.GetFromJsonAsync<JsonElement>("/api/v1/admin/users");
        var agentId = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "agent").GetProperty("userId").GetGuid();
        var customerId = users.EnumerateArray().First(u => u.GetProperty("role").GetString() == "customer").GetProperty("userId").GetGuid();

        var wrong = await admin.PostAsJsonAsync($"/api/v1/admin/users/{agentId}/role", new { role = "customer", reason = "wrong role" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("role", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notStaff = await admin.PostAsJsonAsync($"/api/v1/admin/users/{customerId}/role", new { role = "collector", reason = "not staff" });
        Assert.Equal(HttpStatusCode.Conflict, notStaff.StatusCode);
        Assert.Equal("user.not-staff", (await notStaff.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var asked = await admin.PostAsJsonAsync($"/api/v1/admin/users/{agentId}/role", new { role = "collector", reason = "moves to the collections team" });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var approvalId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approvalId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/approvals/{approvalId}/approve", null)).StatusCode);

        var approved = await manager.PostAsync($"/api/v1/approvals/{approvalId}/approve", null);
        Assert.Equal("approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.GetAsync("/api/v1/cases")).StatusCode);
        var after = await manager.GetFromJsonAsync<JsonElement>("/api/v1/admin/users");
        Assert.Equal("collector", after.EnumerateArray().Single(u => u.GetProperty("userId").GetGuid() == agentId).GetProperty("role").GetString());
    }

    [SkippableFact]
    public async Task Nobody_decides_a_change_of_their_own_role_a_rejection_says_why_and_the_last_admin_stays_admin()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");
        using var manager = await platform.SignedIn("manager");
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users");
        Guid IdOf(string name) => users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == name).GetProperty("userId").GetGuid();
        Assert.Single(users.EnumerateArray(), u => u.GetProperty("role").GetString() == "admin");

        var lastAdmin = await admin.PostAsJsonAsync($"/api/v1/admin/users/{IdOf("admin")}/role", new { role = "collector", reason = "steps down" });
        Assert.Equal(HttpStatusCode.Conflict, lastAdmin.StatusCode);
        Assert.Equal("user.last-admin", (await lastAdmin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var asked = await admin.PostAsJsonAsync($"/api/v1/admin/users/{IdOf("manager")}/role", new { role = "admin", reason = "covers for the admin" });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var approvalId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approvalId").GetGuid();

        var ownPromotion = await manager.PostAsync($"/api/v1/approvals/{approvalId}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, ownPromotion.StatusCode);
        Assert.Equal("approval.own-role", (await ownPromotion.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var noReason = await manager.PostAsJsonAsync($"/api/v1/approvals/{approvalId}/reject", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));

        // The queue names the people by name, not by role and account id.
        using var page = new HttpRequestMessage(HttpMethod.Get, "/approvals");
        page.Headers.Accept.ParseAdd("text/html");
        var html = await (await manager.SendAsync(page)).Content.ReadAsStringAsync();
        var adminName = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "admin").GetProperty("displayName").GetString()!;
        Assert.Contains(adminName, html, StringComparison.Ordinal);
        Assert.DoesNotContain($"admin:{IdOf("admin")}", html, StringComparison.Ordinal);

        var pending = await admin.GetFromJsonAsync<JsonElement>("/api/v1/approvals");
        Assert.Contains(pending.EnumerateArray(), a => a.GetProperty("approvalId").GetGuid() == approvalId && a.GetProperty("status").GetString() == "pending");
        Assert.Equal("manager", (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users")).EnumerateArray().Single(u => u.GetProperty("userId").GetGuid() == IdOf("manager")).GetProperty("role").GetString());
    }

    [SkippableFact]
    public async Task A_manager_asks_to_blacklist_a_mobile_and_it_is_listed_once_an_admin_approves()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");
        using var manager = await platform.SignedIn("manager");
        // Every problem of a request is named at once.
        using (var bad = await manager.PostAsJsonAsync("/api/v1/admin/blacklist", new { kind = "mobile", value = "123", reason = "x" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty("value", out _) && errors.TryGetProperty("reason", out _), errors.ToString());
        }

        var asked = await manager.PostAsJsonAsync("/api/v1/admin/blacklist", new { kind = "mobile", value = "13700137999", reason = "reported stolen phone" });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var approvalId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approvalId").GetGuid();
        Assert.DoesNotContain("137****7999", await manager.GetStringAsync("/api/v1/admin/blacklist"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/approvals/{approvalId}/approve", null)).StatusCode);
        Assert.Contains("137****7999", await manager.GetStringAsync("/api/v1/admin/blacklist"), StringComparison.Ordinal);
    }
}

public sealed class ConsoleOnSqlite(SqlitePlatform platform) : ConsoleScenarios<SqlitePlatform>(platform);

public sealed class ConsoleOnPostgres(PostgresPlatform platform) : ConsoleScenarios<PostgresPlatform>(platform);
