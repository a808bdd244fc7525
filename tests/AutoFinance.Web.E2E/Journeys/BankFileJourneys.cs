using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// The bank files on the payouts page, as an underwriter uses them on a phone in English: the page fits the screen
/// (the header gives way on the user's name only), writing a file says what it wrote or that nothing waits, in words
/// rather than a code, and every file written is listed with its download.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BankFileJourneys(BrowserFixture fixture)
{
    [Fact]
    public async Task An_underwriter_writes_the_bank_file_on_a_phone_and_is_told_what_it_carries()
    {
        var page = await fixture.NewPageAsync("en");
        await page.SetViewportSizeAsync(390, 844);
        await Portal.SignInAsync(page, "underwriter");
        await page.GotoAsync("/payouts");
        await Portal.AssertFitsAsync(page);

        await page.GetByTestId("payout-file-write").ClickAsync();
        var outcome = page.GetByTestId("file-outcome");
        await Assertions.Expect(outcome).ToBeVisibleAsync();
        await Portal.AssertFitsAsync(page);
        var written = await outcome.GetAttributeAsync("data-outcome") == "written";
        var text = await outcome.InnerTextAsync();
        if (written)
        {
            var message = await outcome.GetByTestId("file-written-download").InnerTextAsync();
            Assert.Matches("^AF[0-9]{17}$", message);
            await Assertions.Expect(page.Locator($"[data-testid=payout-file][data-message='{message}']")).ToBeVisibleAsync();
        }
        else
        {
            Assert.Equal("payout-file.nothing-waiting", await outcome.GetAttributeAsync("data-outcome"));
            Assert.Contains("No payout is waiting for a bank file", text, StringComparison.Ordinal);
        }

        await fixture.ShotAsync(page, "bank-file-phone-en");

        // Asked again at once, nothing is waiting: what the first file carried is never written twice.
        await page.GetByTestId("payout-file-write").ClickAsync();
        await Assertions.Expect(page.GetByTestId("file-outcome")).ToHaveAttributeAsync("data-outcome", "payout-file.nothing-waiting");
    }
}
