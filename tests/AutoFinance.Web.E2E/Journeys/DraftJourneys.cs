using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// An application form in progress survives the language switch and the browser's Back, on a phone (390×844) and on
/// a desktop (1366×900): the draft is kept on the server for the signed-in customer. Each screen uses its own
/// customer from the story book, so no other journey meets its draft.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DraftJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone", "13500135001")]
    [InlineData(1366, 900, "desktop", "13500135002")]
    public async Task A_half_filled_application_survives_a_language_switch_and_the_back_button(int width, int height, string screen, string customer)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, customer);
        await page.GotoAsync("/apply");
        await Portal.FillStepAsync(page, new Dictionary<string, string>
        {
            ["vehicle.make"] = "Geely", ["vehicle.model"] = "Galaxy E5", ["vehicle.price"] = "139800", ["downPayment"] = "40000", ["termMonths"] = "48",
        });
        await fixture.ShotAsync(page, $"draft-{screen}-1-typed");

        // The language switch keeps what was typed on the step, not yet sent.
        await page.GetByTestId("switch-en").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByTestId("draft-resumed")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("f-vehicle.make")).ToHaveValueAsync("Geely");
        await Assertions.Expect(page.GetByTestId("f-vehicle.price")).ToHaveValueAsync("139800");
        await Assertions.Expect(page.GetByTestId("f-termMonths")).ToHaveValueAsync("48");
        await fixture.ShotAsync(page, $"draft-{screen}-2-in-english");

        // On to the applicant step, type an employer, switch back to Chinese: the step and both steps' values are kept.
        await Portal.FillStepAsync(page, new Dictionary<string, string> { ["vehicle.year"] = fixture.Platform.Clock.Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["vehicle.mileageKm"] = "5", ["vehicle.vin"] = AutoFinance.Infrastructure.Seeding.DemoIdentities.Vin("LB378Y4W", 'S', screen == "phone" ? "5100001" : "5100002") });
        await Portal.NextAsync(page, 2);
        await page.GetByTestId("f-applicant.employerName").FillAsync("Harbour Logistics");
        await page.GetByTestId("switch-zh").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Assertions.Expect(page.Locator("ol.steps li:nth-child(2)")).ToHaveClassAsync("on");
        await Assertions.Expect(page.GetByTestId("f-applicant.employerName")).ToHaveValueAsync("Harbour Logistics");
        await fixture.ShotAsync(page, $"draft-{screen}-3-back-in-chinese");

        // The browser's Back, and forward to the form again: nothing entered is lost.
        await page.GotoAsync("/loans");
        await page.GoBackAsync();
        await Assertions.Expect(page.GetByTestId("f-applicant.employerName")).ToHaveValueAsync("Harbour Logistics");
        await page.GetByTestId("apply-back").ClickAsync();
        await Assertions.Expect(page.GetByTestId("f-vehicle.model")).ToHaveValueAsync("Galaxy E5");
        await fixture.ShotAsync(page, $"draft-{screen}-4-after-back");

        // Starting over forgets the draft.
        await page.GetByTestId("apply-restart").ClickAsync();
        await Assertions.Expect(page.GetByTestId("f-vehicle.model")).ToHaveValueAsync(string.Empty);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("draft-resumed")).ToHaveCountAsync(0);
    }
}
