using System.Globalization;
using AutoFinance.Infrastructure.Payments;
using AutoFinance.Infrastructure.Payouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// The dealer's bank sends a confirmed payout back, on a phone and a desktop in Chinese: the underwriter sees on the
/// application that the money is owed to the dealer again and why, reviews the payee and pays the dealer again; the
/// loan stays booked and the new payout is marked as paid again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PayoutReturnJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task An_underwriter_pays_a_dealer_again_after_their_bank_returned_the_payout(int width, int height, string device)
    {
        var (applicationId, reference) = await ReturnedAsync(device == "phone" ? 103 : 104);
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, "underwriter");

        // The payout queue lists it as returned; its reference leads to the application, where it is paid again.
        await page.GotoAsync("/payouts?status=returned");
        var listed = page.Locator($"[data-testid=payout][data-reference='{reference}']");
        await Assertions.Expect(listed).ToHaveAttributeAsync("data-status", "returned");
        await listed.GetByTestId("payout-application").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/applications/{applicationId}"));

        var section = page.GetByTestId("disbursement");
        await Assertions.Expect(section).ToHaveAttributeAsync("data-status", "booked");
        var returned = section.GetByTestId("payout-returned");
        await Assertions.Expect(returned).ToContainTextAsync("经销商的收款银行已退回付款");
        await Assertions.Expect(returned).ToContainTextAsync("AC04 账户已销户");
        await Assertions.Expect(section.Locator("[data-testid=payout][data-status=returned]")).ToHaveCountAsync(1);
        await returned.ScrollIntoViewIfNeededAsync();
        await Portal.AssertFitsAsync(page);
        await fixture.ShotAsync(page, $"payout-returned-1-owed-{device}");

        await section.Locator("input[name=channel][value=file]").CheckAsync();
        await section.GetByTestId("disburse-review").ClickAsync();
        var confirm = page.GetByTestId("disburse-confirm-step");
        await Assertions.Expect(confirm).ToContainTextAsync("不会重复入账");
        await confirm.GetByTestId("disburse").ClickAsync();

        await Assertions.Expect(page.GetByTestId("funding-outcome")).ToHaveAttributeAsync("data-outcome", "instructed");
        section = page.GetByTestId("disbursement");
        await Assertions.Expect(section).ToHaveAttributeAsync("data-status", "booked");
        await Assertions.Expect(section.GetByTestId("payout-returned")).ToHaveCountAsync(0);
        var again = section.Locator("[data-testid=payout][data-status=pending]");
        await Assertions.Expect(again.GetByTestId("payout-again")).ToHaveTextAsync("重新付款");
        await Assertions.Expect(section.GetByTestId("disburse-review")).ToHaveCountAsync(0);
        await again.ScrollIntoViewIfNeededAsync();
        await Portal.AssertFitsAsync(page);
        await fixture.ShotAsync(page, $"payout-returned-2-paid-again-{device}");
    }

    /// <summary>
    /// A contract paid out by bank file and booked on the statement's debit, then sent back by the dealer's bank on the
    /// next statement (AC04): its application's id and the payout's reference.
    /// </summary>
    private async Task<(Guid ApplicationId, string Reference)> ReturnedAsync(int sequence)
    {
        var (applicationId, contractId) = await FundedContracts.SignedWithDocumentsAsync(fixture, sequence);
        using (var scope = fixture.Platform.App.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var desk = services.GetRequiredService<FundingDesk>();
            var underwriter = await FundedContracts.UnderwriterAsync(services);
            // Registered the day the contract was signed: a mortgage cannot be registered before the contract it secures.
            var signedOn = (await desk.ViewAsync(underwriter, contractId, CancellationToken.None))!.SignedOn;
            var facts = new FundingDesk.FactsInput("PICC-2026-7788" + sequence, "中国人民财产保险", "京车抵-2026-0099" + sequence, signedOn, "GPS-8800" + sequence);
            Assert.True((await desk.RecordAsync(underwriter, contractId, facts, CancellationToken.None)).Value is not null);
        }

        return (applicationId, await FundedContracts.PaidOutThenReturnedAsync(fixture, contractId));
    }
}
