using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// The dealer tracks its funding, on a phone and a desktop in Chinese: on its signed application it records the
/// insurance, mortgage registration and GPS it arranged, sees the checklist complete and that the lender pays, with
/// nothing to pay itself; the underwriter is told the dealer gave the facts. When the dealer's bank later sends the
/// payout back, the dealer reads it on the same page, with the bank's reason, and its list of applications marks it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DealerFundingJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task A_dealer_records_its_funding_facts_and_reads_what_became_of_its_payout(int width, int height, string device)
    {
        var (applicationId, contractId) = await FundedContracts.SignedWithDocumentsAsync(fixture, device == "phone" ? 105 : 106);
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, "dealer");
        await page.GotoAsync($"/applications/{applicationId}");

        var section = page.GetByTestId("disbursement");
        await Assertions.Expect(section).ToHaveAttributeAsync("data-status", "signed");
        await Assertions.Expect(section).ToContainTextAsync("放款进度");
        await Assertions.Expect(section.GetByTestId("funding-dealer-state")).ToContainTextAsync("清单完成后");
        await Assertions.Expect(section.Locator("[data-testid=funding-item][data-code='funding.insurance']")).ToHaveAttributeAsync("data-met", "false");

        var form = section.GetByTestId("funding-form");
        await form.GetByTestId("funding-insurance-policy").FillAsync("PICC-2026-5510" + device.Length);
        await form.GetByTestId("funding-insurer").FillAsync("中国人民财产保险");
        await form.GetByTestId("funding-mortgage-number").FillAsync("京车抵-2026-0210" + device.Length);
        // Registered the day the contract was signed: the field takes no earlier date.
        var mortgageDate = form.GetByTestId("funding-mortgage-date");
        await mortgageDate.FillAsync((await mortgageDate.GetAttributeAsync("min"))!);
        await form.GetByTestId("funding-gps").FillAsync("GPS-7731" + device.Length);
        await form.GetByTestId("funding-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("funding-outcome")).ToHaveAttributeAsync("data-outcome", "saved");
        section = page.GetByTestId("disbursement");
        await Assertions.Expect(section.Locator("[data-testid=funding-item][data-met=false]")).ToHaveCountAsync(0);
        await Assertions.Expect(section.GetByTestId("funding-dealer-state")).ToContainTextAsync("等待贷款机构放款");
        await Assertions.Expect(section.GetByTestId("disburse-review-step")).ToHaveCountAsync(0);
        await section.GetByTestId("funding-dealer-state").ScrollIntoViewIfNeededAsync();
        await Portal.AssertFitsAsync(page);
        await fixture.ShotAsync(page, $"dealer-funding-1-recorded-{device}");

        // The underwriter who pays is told who gave the facts.
        var underwriter = await fixture.NewPageAsync();
        await underwriter.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(underwriter, "underwriter");
        await underwriter.GotoAsync($"/applications/{applicationId}");
        await Assertions.Expect(underwriter.GetByTestId("funding-by-dealer")).ToContainTextAsync("由经销商登记");
        await Assertions.Expect(underwriter.GetByTestId("disburse-review-step")).ToHaveCountAsync(1);

        await FundedContracts.PaidOutThenReturnedAsync(fixture, contractId);
        await page.GotoAsync($"/applications/{applicationId}");
        section = page.GetByTestId("disbursement");
        await Assertions.Expect(section).ToHaveAttributeAsync("data-status", "booked");
        var returned = section.GetByTestId("payout-returned");
        await Assertions.Expect(returned).ToContainTextAsync("您的收款银行退回了这笔付款");
        await Assertions.Expect(returned).ToContainTextAsync("AC04 账户已销户");
        await Assertions.Expect(section.Locator("[data-testid=payout][data-status=returned]")).ToHaveCountAsync(1);
        await Assertions.Expect(section.GetByTestId("disburse-review-step")).ToHaveCountAsync(0);
        await Assertions.Expect(section.GetByTestId("funding-form")).ToHaveCountAsync(0);
        await returned.ScrollIntoViewIfNeededAsync();
        await Portal.AssertFitsAsync(page);
        await fixture.ShotAsync(page, $"dealer-funding-2-returned-{device}");

        // The dealer's list says which of its applications has money held, and why.
        await page.GotoAsync("/applications?status=disbursed");
        var row = page.Locator("[data-testid=application-row]").Filter(new() { Has = page.Locator($"a[href='/applications/{applicationId}']") });
        await Assertions.Expect(row.GetByTestId("funding-stage")).ToHaveAttributeAsync("data-stage", "returned");
        await Assertions.Expect(row.GetByTestId("funding-stage")).ToHaveTextAsync("付款被退回");
        await Portal.AssertFitsAsync(page);
        await fixture.ShotAsync(page, $"dealer-funding-3-list-{device}");
    }
}
