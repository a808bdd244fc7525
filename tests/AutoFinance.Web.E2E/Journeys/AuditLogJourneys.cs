using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// The audit page on a phone (390×844) and a desktop (1366×900): a collector reveals a debtor's mobile, and an admin
/// finds that reveal by the collector's user name and the loan's number, named in Chinese with a link to the loan,
/// then verifies the chain.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditLogJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task An_admin_finds_who_revealed_a_debtors_mobile_by_the_collectors_name_and_verifies_the_chain(int width, int height, string screen)
    {
        var loan = await fixture.LoanOfAsync("13500135004");
        var collector = await fixture.NewPageAsync();
        await collector.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(collector, "collector");
        await collector.GotoAsync($"/collections/{loan.Id}");
        await collector.GetByTestId("debtor-reveal").ClickAsync();
        await Assertions.Expect(collector.GetByTestId("debtor-revealed")).ToBeVisibleAsync();

        var admin = await fixture.NewPageAsync();
        await admin.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(admin, "admin");
        await admin.GotoAsync("/audit");
        await admin.GetByTestId("audit-filter-actor").FillAsync("collector");
        await admin.GetByTestId("audit-filter-action").FillAsync("collections.mobile-revealed");
        await admin.GetByTestId("audit-filter-entity").FillAsync(loan.Reference);
        await admin.GetByTestId("audit-filter-apply").ClickAsync();

        var reveal = admin.GetByTestId("audit-entry").First;
        await Assertions.Expect(reveal).ToHaveAttributeAsync("data-action", "collections.mobile-revealed");
        await Assertions.Expect(reveal).ToHaveAttributeAsync("data-actor", new System.Text.RegularExpressions.Regex("^collector:"));
        await Assertions.Expect(reveal.GetByTestId("audit-entry-action-name")).ToHaveTextAsync("查看债务人完整手机号");
        await Assertions.Expect(reveal.GetByTestId("audit-entry-link")).ToHaveAttributeAsync("href", $"/loans/{loan.Id}");
        await Assertions.Expect(reveal.GetByTestId("audit-entry-data")).ToContainTextAsync("field: mobile");
        await Assertions.Expect(admin.GetByTestId("audit-export")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/api/v1/admin/audit/export\.csv\?actor=collector&action=collections\.mobile-revealed&entityId="));
        await Portal.AssertFitsAsync(admin);
        await fixture.ShotAsync(admin, $"audit-{screen}-1-reveal-found");

        await admin.GetByTestId("audit-verify-run").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("audit-verified")).ToHaveAttributeAsync("data-outcome", "intact");
        await Assertions.Expect(admin.GetByTestId("audit-verified")).ToContainTextAsync("审计链完整");
        await fixture.ShotAsync(admin, $"audit-{screen}-2-verified");
    }
}
