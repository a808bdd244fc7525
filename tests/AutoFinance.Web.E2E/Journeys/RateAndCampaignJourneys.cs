using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// On a phone (390×844) and a desktop (1366×900): a lower rate asked for on a loan's page takes effect only once a
/// second person approves it on /approvals; and a marketing campaign sent from /marketing names a missing offer
/// beside its field, then reports whom it reached.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RateAndCampaignJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone", "13500135001")]
    [InlineData(1366, 900, "desktop", "13500135002")]
    public async Task A_lower_rate_asked_for_on_the_loan_page_waits_for_a_second_person(int width, int height, string device, string borrower)
    {
        var customer = await fixture.NewPageAsync();
        var loanPath = await Portal.OpenOwnLoanAsync(customer, borrower);
        var loanId = loanPath.Split('/')[^1];

        var agent = await fixture.NewPageAsync();
        await agent.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(agent, "agent");
        await agent.GotoAsync(loanPath);
        await agent.GetByTestId("rate-change-submit").ClickAsync();
        await Assertions.Expect(agent.Locator(".field-error[data-field='annualRatePercent']")).ToBeVisibleAsync();
        await agent.GetByTestId("rate-change-rate").FillAsync("0.5");
        await agent.GetByTestId("rate-change-reason").FillAsync("收入下降，同意利率优惠");
        await agent.GetByTestId("rate-change-submit").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("rate-change-proposed")).ToBeVisibleAsync();
        await fixture.ShotAsync(agent, $"rate-1-proposed-{device}");

        var admin = await fixture.NewPageAsync();
        await admin.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(admin, "admin");
        await admin.GotoAsync("/approvals");
        var request = admin.Locator($"[data-testid='approval'][data-action='loan.rate-change'][data-target='{loanId}']");
        await Assertions.Expect(request).ToHaveAttributeAsync("data-status", "pending");
        await Assertions.Expect(request.GetByTestId("approval-summary")).ToContainTextAsync("下调至 0.50%");
        await request.GetByTestId("approval-approve").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("approval-outcome")).ToHaveAttributeAsync("data-outcome", "approved");
        await fixture.ShotAsync(admin, $"rate-2-approved-{device}");

        await customer.GotoAsync(loanPath);
        await Assertions.Expect(customer.GetByText("0.5", new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(customer.GetByTestId("rate-change")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task A_campaign_names_a_missing_offer_and_reports_whom_it_reached(int width, int height, string device)
    {
        var manager = await fixture.NewPageAsync();
        await manager.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(manager, "manager");
        await manager.GotoAsync("/marketing");
        await manager.GetByTestId("campaign-send").ClickAsync();
        await Assertions.Expect(manager.Locator(".field-error[data-field='offer']")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("campaign-result")).ToHaveCountAsync(0);

        await manager.GetByTestId("campaign-offer").SelectOptionAsync("insurance-renewal");
        await manager.GetByTestId("campaign-send").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("campaign-result")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("campaign-reached")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        await fixture.ShotAsync(manager, $"campaign-1-sent-{device}");
    }
}
