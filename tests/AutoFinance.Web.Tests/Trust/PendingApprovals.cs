using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Seeding;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>Four-eyes requests made for a test (a blacklisted VIN no other test uses) and their status.</summary>
internal static class PendingApprovals
{
    private static int _vin = 3_666_000;

    public static async Task<Guid> Create(PlatformFixture platform, string reason)
    {
        using var admin = await platform.SignedIn("admin");
        var vin = DemoIdentities.Vin("LFV2A21K", 'S', Interlocked.Increment(ref _vin).ToString(CultureInfo.InvariantCulture));
        var asked = await admin.PostAsJsonAsync("/api/v1/admin/blacklist", new { kind = "vin", value = vin, reason });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        return (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approvalId").GetGuid();
    }

    public static async Task<string> Status(PlatformFixture platform, Guid approval)
    {
        using var admin = await platform.SignedIn("admin");
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/v1/approvals");
        return all.EnumerateArray().Single(a => a.GetProperty("approvalId").GetGuid() == approval).GetProperty("status").GetString()!;
    }
}
