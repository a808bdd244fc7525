using AutoFinance.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// Disbursement on a phone (390×844) and a desktop (1366×900): the underwriter sees the funding checklist item by item,
/// records insurance, mortgage registration and GPS on the page, reviews the payee, the masked account and the amount,
/// confirms, and the loan is booked once the provider confirms the payout.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DisbursementJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task An_underwriter_disburses_through_the_checklist_and_the_two_step_confirmation(int width, int height, string device)
    {
        // Each screen its own applicant and vehicle: a repeated VIN would already back the other screen's loan and be declined.
        var (applicationId, _) = await FundedContracts.SignedWithDocumentsAsync(fixture, sequence: device == "phone" ? 101 : 102);
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, "underwriter");
        await page.GotoAsync($"/applications/{applicationId}");

        var section = page.GetByTestId("disbursement");
        await Assertions.Expect(section).ToHaveAttributeAsync("data-status", "signed");
        await Assertions.Expect(section.Locator("[data-testid=funding-item][data-code='funding.documents']")).ToHaveAttributeAsync("data-met", "true");
        await Assertions.Expect(section.Locator("[data-testid=funding-item][data-code='funding.insurance']")).ToHaveAttributeAsync("data-met", "false");
        await Assertions.Expect(section.Locator("[data-testid=funding-item][data-code='funding.mortgage-registration']")).ToHaveAttributeAsync("data-met", "false");
        await Assertions.Expect(section.GetByTestId("funding-not-ready")).ToBeVisibleAsync();
        await Assertions.Expect(section.GetByTestId("disburse-review")).ToHaveCountAsync(0);
        await fixture.ShotAsync(page, $"disburse-1-checklist-{device}");

        await section.GetByTestId("funding-insurance-policy").FillAsync("PICC-2026-556677");
        await section.GetByTestId("funding-insurer").FillAsync("中国人民财产保险");
        await section.GetByTestId("funding-mortgage-number").FillAsync("京车抵-2026-000778");
        // Registered the day the contract was signed: the field takes no earlier date.
        var mortgageDate = section.GetByTestId("funding-mortgage-date");
        await mortgageDate.FillAsync((await mortgageDate.GetAttributeAsync("min"))!);
        await section.GetByTestId("funding-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("funding-outcome")).ToHaveAttributeAsync("data-outcome", "saved");
        await Assertions.Expect(page.Locator("[data-testid=funding-item][data-met=false]")).ToHaveCountAsync(0);

        // Step one: review the payee, the masked account and the amount; nothing is paid yet.
        await Assertions.Expect(page.GetByTestId("funding-account")).ToHaveTextAsync("**** 5678");
        await Assertions.Expect(page.GetByTestId("funding-payee-name")).ToHaveTextAsync(DemoFunding.Accounts[0].Payee);
        await page.GetByTestId("disburse-review").ClickAsync();
        var confirm = page.GetByTestId("disburse-confirm-step");
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await Assertions.Expect(confirm).ToContainTextAsync("**** 5678");
        await Assertions.Expect(page.GetByTestId("disbursement")).ToHaveAttributeAsync("data-status", "signed");
        await fixture.ShotAsync(page, $"disburse-2-review-{device}");

        // Step two: confirm; the loan is booked when the provider's callback confirms the payout.
        await confirm.GetByTestId("disburse").ClickAsync();
        await Assertions.Expect(page.GetByTestId("funding-outcome")).ToBeVisibleAsync();
        for (var attempt = 0; attempt < 40 && await page.GetByTestId("disbursement").GetAttributeAsync("data-status") != "booked"; attempt++)
        {
            await page.WaitForTimeoutAsync(250);
            await page.GotoAsync($"/applications/{applicationId}");
        }

        await Assertions.Expect(page.GetByTestId("disbursement")).ToHaveAttributeAsync("data-status", "booked");
        await Assertions.Expect(page.Locator("[data-testid=payout][data-status=confirmed]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("open-loan")).ToBeVisibleAsync();
        await fixture.ShotAsync(page, $"disburse-3-booked-{device}");

        await page.GotoAsync("/payouts?status=confirmed");
        await Assertions.Expect(page.Locator("[data-testid=payout][data-status=confirmed]").First).ToBeVisibleAsync();
        await fixture.ShotAsync(page, $"disburse-4-queue-{device}");
    }
}
