using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// The collector's day on the story book: the worklist has work in every late bucket and shows the measured roll
/// rates; a contact page names the debtor with the mobile masked until the collector reveals it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CollectionsContactJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task A_collector_finds_work_in_every_bucket_and_reveals_the_debtors_number_on_the_contact_page(int width, int height, string screen)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, "collector");
        await page.GotoAsync("/collections");
        foreach (var bucket in new[] { "1-30", "31-60", "61-90", "91-180" })
        {
            await Assertions.Expect(page.Locator($"[data-testid='worklist-row'] td:nth-child(4)").Filter(new LocatorFilterOptions { HasText = bucket == "91-180" ? "91–180" : bucket.Replace('-', '–') }).First).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.GetByTestId("roll-rates")).ToBeVisibleAsync();
        await fixture.ShotAsync(page, $"collections-{screen}-1-worklist");

        var loan = await fixture.LoanOfAsync("13500135004");
        await page.GotoAsync($"/collections/{loan.Id}");
        await Assertions.Expect(page.GetByTestId("debtor-name")).ToHaveTextAsync("冯磊");
        await Assertions.Expect(page.GetByTestId("debtor-mobile")).ToHaveTextAsync("135****5004");
        await fixture.ShotAsync(page, $"collections-{screen}-2-contact-masked");

        await page.GetByTestId("debtor-reveal").ClickAsync();
        await Assertions.Expect(page.GetByTestId("debtor-mobile")).ToHaveTextAsync("13500135004");
        await Assertions.Expect(page.GetByTestId("debtor-revealed")).ToBeVisibleAsync();
        await fixture.ShotAsync(page, $"collections-{screen}-3-contact-revealed");
    }
}
