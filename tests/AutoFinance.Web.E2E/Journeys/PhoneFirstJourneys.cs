using System.Globalization;
using AutoFinance.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// A customer's everyday journey on a phone (390×844) and on a desktop (1366×900): loans, a loan's schedule, the
/// calculator, a plan carried into the application form with the account's details filled in, and the plain-language
/// decision. Every step saves a screenshot under TestResults/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneFirstJourneys(BrowserFixture fixture)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task A_customer_reads_the_loan_compares_plans_and_applies_with_a_plan_on_any_screen(int width, int height, string screen)
    {
        var phone = width < 640;
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, "13800138000");

        await page.GotoAsync("/loans");
        await Portal.AssertFitsAsync(page);
        if (phone)
        {
            await Assertions.Expect(page.GetByTestId("tab-bar")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("details.menu > summary")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("nav.main")).ToBeHiddenAsync();
            await AssertTapTargetsAsync(page, "[data-testid=tab-bar] a, details.menu > summary, [data-testid=sign-out]");
        }
        else
        {
            await Assertions.Expect(page.Locator("nav.main")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("tab-bar")).ToBeHiddenAsync();
        }

        await fixture.ShotAsync(page, $"phone-first-{screen}-1-loans");

        await page.GetByTestId("loan-link").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("loan-status")).ToBeVisibleAsync();
        await Portal.AssertFitsAsync(page);
        if (phone)
        {
            // The next and any overdue instalment open by themselves; a later one opens on a tap.
            var later = page.Locator("[data-testid=installment-item][data-number='3']");
            await Assertions.Expect(page.GetByTestId("loan-schedule")).ToBeHiddenAsync();
            await Assertions.Expect(later.Locator("dl")).ToBeHiddenAsync();
            await later.Locator("summary").ClickAsync();
            await Assertions.Expect(later.Locator("dl")).ToBeVisibleAsync();
        }
        else
        {
            await Assertions.Expect(page.GetByTestId("loan-schedule")).ToBeVisibleAsync();
        }

        await AssertChartLabelsReadAsync(page);
        await fixture.ShotAsync(page, $"phone-first-{screen}-2-loan");

        await page.GotoAsync("/calculator?price=150000&down=45000");
        await Portal.AssertFitsAsync(page);
        await AssertChartLabelsReadAsync(page);
        await fixture.ShotAsync(page, $"phone-first-{screen}-3-calculator");
        await page.GetByTestId(phone ? "plan-card-apply" : "plan-2-apply").Nth(phone ? 1 : 0).ClickAsync();

        // The plan chosen on the calculator and the account's own name and mobile are in the form already.
        await page.WaitForURLAsync("**/apply?*");
        await Assertions.Expect(page.GetByTestId("f-vehicle.price")).ToHaveValueAsync("150000");
        await Assertions.Expect(page.GetByTestId("f-downPayment")).ToHaveValueAsync("45000");
        await Assertions.Expect(page.GetByTestId("f-repaymentMethod")).ToHaveValueAsync("equal-principal");
        await Portal.AssertFitsAsync(page);
        await fixture.ShotAsync(page, $"phone-first-{screen}-4-apply-with-plan");
        var today = fixture.Platform.Clock.Today;
        await Portal.FillStepAsync(page, new Dictionary<string, string>
        {
            ["vehicle.make"] = "BYD", ["vehicle.model"] = "Qin", ["vehicle.year"] = today.Year.ToString(Invariant), ["vehicle.mileageKm"] = "5",
            ["vehicle.vin"] = DemoIdentities.Vin("LGXCE4CB", 'S', phone ? "4100001" : "4100002"),
        });
        await Portal.NextAsync(page, 2);
        await Assertions.Expect(page.GetByTestId("f-applicant.fullName")).ToHaveValueAsync("Li Na");
        await Assertions.Expect(page.GetByTestId("f-applicant.mobile")).ToHaveValueAsync("13800138000");
        await fixture.ShotAsync(page, $"phone-first-{screen}-5-apply-prefilled");
    }

    /// <summary>Every visible chart label is drawn at 12 px or more.</summary>
    private static async Task AssertChartLabelsReadAsync(IPage page)
    {
        var smallest = await page.EvaluateAsync<double>("""
            () => Math.min(1000, ...[...document.querySelectorAll('figure.chart svg')].filter(s => s.getBoundingClientRect().width > 0).flatMap(s => {
              const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
              return [...s.querySelectorAll('text.tick')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
            }))
            """);
        Assert.True(smallest >= 12, $"a chart label on {page.Url} is {smallest:0.0} px");
    }

    private static async Task AssertTapTargetsAsync(IPage page, string selector)
    {
        var small = await page.EvaluateAsync<string[]>($$"""
            () => [...document.querySelectorAll('{{selector}}')].filter(e => e.getBoundingClientRect().width > 0)
              .filter(e => { const r = e.getBoundingClientRect(); return r.height < 44 || r.width < 44; }).map(e => e.outerHTML.slice(0, 80))
            """);
        Assert.True(small.Length == 0, "smaller than 44 px: " + string.Join(" | ", small));
    }
}
