using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// A customer binds a card for direct debit from the loans page: a wrong code binds nothing and says so by the field,
/// the code texted to the mobile on file binds the card, only its last four digits are shown, and it can be revoked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BankCardJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone", "13500135002")]
    [InlineData(1366, 900, "desktop", "13500135003")]
    public async Task A_customer_binds_a_card_with_the_texted_code_sees_it_masked_and_revokes_it(int width, int height, string screen, string mobile)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, mobile);
        await page.GotoAsync("/loans");
        await page.GetByTestId("cards-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("cards-empty")).ToBeVisibleAsync();

        await page.GetByTestId("card-number").FillAsync("6222 0210 0112 3456");
        await page.GetByTestId("card-holder").FillAsync("测试持卡人");
        await page.GetByTestId("card-bank").FillAsync("中国工商银行");
        await page.GetByTestId("card-send-code").ClickAsync();
        await Assertions.Expect(page.GetByTestId("card-code-notice")).ToBeVisibleAsync();

        var code = await fixture.SmsCodeAsync(mobile);
        var wrong = code == "000000" ? "111111" : "000000";
        await page.GetByTestId("card-code").FillAsync(wrong);
        await page.GetByTestId("card-bind").ClickAsync();
        await Assertions.Expect(page.Locator(".field-error[data-field=code]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("mandate")).ToHaveCountAsync(0);
        await fixture.ShotAsync(page, $"cards-{screen}-1-wrong-code");

        await page.GetByTestId("card-code").FillAsync(code);
        await page.GetByTestId("card-bind").ClickAsync();
        await Assertions.Expect(page.GetByTestId("cards-done")).ToHaveAttributeAsync("data-done", "bound");
        var mandate = page.GetByTestId("mandate");
        await Assertions.Expect(mandate).ToHaveAttributeAsync("data-status", "active");
        await Assertions.Expect(mandate.GetByTestId("mandate-card")).ToContainTextAsync("3456");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("6222 0210 0112 3456");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("6222021001123456");
        await fixture.ShotAsync(page, $"cards-{screen}-2-bound");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await mandate.GetByTestId("mandate-revoke").ClickAsync();
        await Assertions.Expect(page.GetByTestId("cards-done")).ToHaveAttributeAsync("data-done", "revoked");
        await Assertions.Expect(page.GetByTestId("mandate")).ToHaveAttributeAsync("data-status", "revoked");
        await fixture.ShotAsync(page, $"cards-{screen}-3-revoked");
    }
}
