using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// On a phone (390×844) and a desktop (1366×900): a collector asks on a late loan's page to waive its late charges, an
/// amount above what is owed is named beside its field, and the charges come off only once a manager approves on
/// /approvals, after which the page offers no waiver.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChargeWaiverJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone", "13500135005")]
    [InlineData(1366, 900, "desktop", "13500135006")]
    public async Task Late_charges_waived_on_the_loan_page_come_off_once_a_manager_approves(int width, int height, string device, string borrower)
    {
        var customer = await fixture.NewPageAsync();
        var loanPath = await Portal.OpenOwnLoanAsync(customer, borrower);
        var loanId = loanPath.Split('/')[^1];

        var collector = await fixture.NewPageAsync();
        await collector.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(collector, "collector");
        await collector.GotoAsync(loanPath);
        await Assertions.Expect(collector.GetByTestId("charge-waiver-owed")).ToContainTextAsync("罚息");
        await collector.GetByTestId("charge-waiver-amount").FillAsync("99999");
        await collector.GetByTestId("charge-waiver-reason").FillAsync("住院期间逾期，欠款已承诺还清");
        await collector.GetByTestId("charge-waiver-submit").ClickAsync();
        await Assertions.Expect(collector.Locator(".field-error[data-field='amount']")).ToContainTextAsync("不能超过应还的逾期费用");
        await Assertions.Expect(collector.GetByTestId("charge-waiver-proposed")).ToHaveCountAsync(0);

        await collector.GetByTestId("charge-waiver-amount").FillAsync(string.Empty);
        await collector.GetByTestId("charge-waiver-reason").FillAsync("住院期间逾期，欠款已承诺还清");
        await collector.GetByTestId("charge-waiver-submit").ClickAsync();
        await Assertions.Expect(collector.GetByTestId("charge-waiver-proposed")).ToContainTextAsync("减免后尚欠逾期费用 ¥0.00");
        await fixture.ShotAsync(collector, $"waiver-1-proposed-{device}");

        var manager = await fixture.NewPageAsync();
        await manager.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(manager, "manager");
        await manager.GotoAsync("/approvals");
        var request = manager.Locator($"[data-testid='approval'][data-action='loan.charge-waiver'][data-target='{loanId}']");
        await Assertions.Expect(request).ToHaveAttributeAsync("data-status", "pending");
        await Assertions.Expect(request.GetByTestId("approval-summary")).ToContainTextAsync("的逾期费用 ¥");
        await request.GetByTestId("approval-approve").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("approval-outcome")).ToHaveAttributeAsync("data-outcome", "approved");
        await fixture.ShotAsync(manager, $"waiver-2-approved-{device}");

        await collector.GotoAsync(loanPath);
        await Assertions.Expect(collector.GetByTestId("charge-waiver")).ToHaveCountAsync(0);
    }
}
