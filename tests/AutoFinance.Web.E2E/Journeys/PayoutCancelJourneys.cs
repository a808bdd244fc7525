using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// A manager stops a payout no bank file carries yet, on a phone and a desktop in Chinese: the form opens under the
/// payout with what cancelling means, the page says it was cancelled, and the failed list says why, in Chinese.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PayoutCancelJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task A_manager_cancels_a_payout_no_bank_file_carries_yet(int width, int height, string device)
    {
        var reference = await WaitingPayouts.ForFileAsync(fixture, device == "phone" ? "C1" : "C2");
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, "manager");
        await page.GotoAsync("/payouts?status=pending");

        var row = page.Locator($"[data-testid=payout][data-reference='{reference}']");
        await row.GetByTestId("payout-cancel").Locator("summary").ClickAsync();
        await Assertions.Expect(row.GetByTestId("payout-cancel")).ToContainTextAsync("尚未写入银行文件");
        await row.GetByTestId("payout-cancel-reason").FillAsync("经销商要求暂缓付款");
        await fixture.ShotAsync(page, $"payout-cancel-1-form-{device}");

        await row.GetByTestId("payout-cancel-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("cancel-outcome")).ToHaveAttributeAsync("data-outcome", "cancelled");
        await Assertions.Expect(page.GetByTestId("cancel-outcome")).ToContainTextAsync("已撤销");
        await Portal.AssertFitsAsync(page);

        await page.GotoAsync("/payouts?status=failed");
        var cancelled = page.Locator($"[data-testid=payout][data-reference='{reference}']");
        await Assertions.Expect(cancelled).ToContainTextAsync("已由工作人员撤销");
        await Assertions.Expect(cancelled.Locator("td .status")).ToHaveTextAsync("已撤销");
        await fixture.ShotAsync(page, $"payout-cancel-2-failed-{device}");
    }
}
