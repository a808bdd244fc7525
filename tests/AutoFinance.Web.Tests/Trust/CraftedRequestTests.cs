using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Seeding;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>Two requests crafted to break the server: a race between two decisions, and a header-splitting return address.</summary>
public abstract class CraftedRequests<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    [SkippableFact]
    public async Task Approving_and_rejecting_at_once_answers_the_loser_409_and_ends_in_one_state()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");
        using var secondManager = await platform.SignedIn("manager");
        for (var round = 0; round < 8; round++)
        {
            var approval = await PendingApproval();
            var approve = manager.PostAsync($"/api/v1/approvals/{approval}/approve", null);
            var reject = secondManager.PostAsJsonAsync($"/api/v1/approvals/{approval}/reject", new { reason = "raced on purpose" });
            using var approved = await approve;
            using var rejected = await reject;

            var statuses = new[] { (int)approved.StatusCode, (int)rejected.StatusCode };
            Assert.True(statuses.Order().SequenceEqual([200, 409]), $"round {round}: approve {statuses[0]} {await approved.Content.ReadAsStringAsync()}, reject {statuses[1]} {await rejected.Content.ReadAsStringAsync()}");
            var final = await Status(approval);
            Assert.Equal(approved.IsSuccessStatusCode ? "approved" : "rejected", final);
        }
    }

    [SkippableTheory]
    [InlineData("/%0d%0aSet-Cookie:%20af_session=forged")]
    [InlineData("/%0d%0a%0d%0a<html>")]
    [InlineData("/loans%09")]
    [InlineData("/%00")]
    [InlineData("/%7f")]
    public async Task A_return_address_with_control_characters_goes_home(string back)
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = platform.BaseAddress };

        using var response = await client.GetAsync(new Uri($"/lang/en?back={back}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.Contains("forged", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task A_return_address_with_other_characters_is_followed_percent_encoded()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = platform.BaseAddress };

        using var response = await client.GetAsync(new Uri("/lang/en?back=/loans%3Fq%3D%E8%BD%A6", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/loans?q=%E8%BD%A6", response.Headers.Location?.OriginalString);
    }

    private Task<Guid> PendingApproval() => PendingApprovals.Create(platform, "race test");

    private Task<string> Status(Guid approval) => PendingApprovals.Status(platform, approval);
}

public sealed class CraftedRequestsOnSqlite(SqlitePlatform platform) : CraftedRequests<SqlitePlatform>(platform);

public sealed class CraftedRequestsOnPostgres(PostgresPlatform platform) : CraftedRequests<PostgresPlatform>(platform);
