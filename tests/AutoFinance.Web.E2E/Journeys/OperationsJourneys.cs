using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// The operations pages on a phone (390×844) and a desktop (1366×900): the four-eyes approvals queue (nobody decides
/// their own request, a rejection needs its reason), the scheduled jobs with an admin's run-now, and the search box.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OperationsJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task A_manager_approves_one_request_and_rejects_another_with_a_reason_that_the_requester_cannot_decide(int width, int height, string device)
    {
        var toApprove = await RequestBlacklistAsync("fraud ring seen at two dealers");
        var toReject = await RequestBlacklistAsync("suspected fraud, unconfirmed");

        // The admin who asked sees the requests as theirs, with no way to decide them.
        var admin = await fixture.NewPageAsync();
        await admin.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(admin, "admin");
        await admin.GotoAsync("/approvals");
        var own = admin.Locator($"#approval-{toApprove}");
        await Assertions.Expect(own).ToHaveAttributeAsync("data-own", "true");
        await Assertions.Expect(own.GetByTestId("approval-own")).ToBeVisibleAsync();
        await Assertions.Expect(own.GetByTestId("approval-approve")).ToHaveCountAsync(0);

        // The manager approves the first; rejecting the second without a reason is refused beside the field.
        var manager = await fixture.NewPageAsync();
        await manager.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(manager, "manager");
        await manager.GotoAsync("/approvals");
        await Assertions.Expect(manager.Locator($"#approval-{toApprove}")).ToHaveAttributeAsync("data-status", "pending");
        await fixture.ShotAsync(manager, $"ops-1-approvals-{device}");
        await manager.Locator($"#approval-{toApprove}").GetByTestId("approval-approve").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("approval-outcome")).ToHaveAttributeAsync("data-outcome", "approved");

        var reject = manager.Locator($"#approval-{toReject}");
        await reject.GetByTestId("approval-reject").ClickAsync();
        await Assertions.Expect(manager.Locator($"#approval-{toReject}").GetByTestId("approval-reason-error")).ToBeVisibleAsync();
        await fixture.ShotAsync(manager, $"ops-2-approvals-reason-{device}");
        await manager.Locator($"#approval-{toReject}").GetByTestId("approval-reason").FillAsync("no second source for the report");
        await manager.Locator($"#approval-{toReject}").GetByTestId("approval-reject").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("approval-outcome")).ToHaveAttributeAsync("data-outcome", "rejected");

        await manager.GotoAsync("/approvals?status=rejected");
        var rejected = manager.Locator($"#approval-{toReject}");
        await Assertions.Expect(rejected).ToHaveAttributeAsync("data-status", "rejected");
        await Assertions.Expect(rejected).ToContainTextAsync("no second source for the report");
        await manager.GotoAsync("/approvals?status=approved");
        await Assertions.Expect(manager.Locator($"#approval-{toApprove}")).ToHaveAttributeAsync("data-status", "approved");
        await fixture.ShotAsync(manager, $"ops-3-approvals-decided-{device}");
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task An_admin_sees_every_scheduled_job_and_runs_one_now(int width, int height, string device)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, "admin");
        await page.GotoAsync("/jobs");
        foreach (var job in new[] { "end-of-day", "insight-refresh", "model-monitoring", "sla-escalation" })
        {
            await Assertions.Expect(page.Locator($"[data-testid='job'][data-job='{job}']")).ToBeVisibleAsync();
        }

        await page.Locator("[data-testid='job'][data-job='sla-escalation']").GetByTestId("job-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("job-ran")).ToHaveAttributeAsync("data-outcome", "succeeded");
        await Assertions.Expect(page.Locator("[data-testid='job'][data-job='sla-escalation']")).ToHaveAttributeAsync("data-outcome", "succeeded");
        await fixture.ShotAsync(page, $"ops-4-jobs-{device}");

        // A manager reads the page but has no run button.
        var manager = await fixture.NewPageAsync();
        await Portal.SignInAsync(manager, "manager");
        await manager.GotoAsync("/jobs");
        await Assertions.Expect(manager.Locator("[data-testid='job'][data-job='sla-escalation']")).ToHaveAttributeAsync("data-outcome", "succeeded");
        await Assertions.Expect(manager.GetByTestId("job-run")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task An_agent_finds_a_customer_by_mobile_and_opens_the_360(int width, int height, string device)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, "agent");
        await page.GotoAsync("/search");
        await page.GetByTestId("search-box").FillAsync("138 0013 8000");
        await page.GetByTestId("search-submit").ClickAsync();
        var hit = page.GetByTestId("search-customer").First;
        await Assertions.Expect(hit).ToContainTextAsync("Li Na");
        await fixture.ShotAsync(page, $"ops-5-search-{device}");
        await hit.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync("**/customers/*");

        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("nobody by this name"));
        await Assertions.Expect(page.GetByTestId("search-none")).ToBeVisibleAsync();
    }

    /// <summary>The admin asks, through the API, to blacklist a fresh mobile number; answers the approval's id.</summary>
    private async Task<Guid> RequestBlacklistAsync(string reason)
    {
        using var client = new HttpClient { BaseAddress = fixture.Platform.BaseAddress };
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = DemoData.Password })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var mobile = "137" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await client.PostAsJsonAsync("/api/v1/admin/blacklist", new { kind = "mobile", value = mobile, reason });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approvalId").GetGuid();
    }
}
