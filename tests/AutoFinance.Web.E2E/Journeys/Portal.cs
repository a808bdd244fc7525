using AutoFinance.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>What a person does on the pages, by role and test id.</summary>
public static class Portal
{
    /// <summary>Nothing wider than the screen: no sideways scrolling.</summary>
    public static async Task AssertFitsAsync(IPage page)
    {
        const string Overflow = "() => document.documentElement.scrollWidth - window.innerWidth";
        var overflow = await page.EvaluateAsync<int>(Overflow);
        if (overflow > 0)
        {
            // Measured once more when the page has settled: after an enhanced form post the page can be measured
            // while its stylesheet is still being applied, which a reader never sees.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.WaitForTimeoutAsync(500);
            overflow = await page.EvaluateAsync<int>(Overflow);
        }

        // What sticks out, where no frame of its own scrolls it: the element, the test id around it, its text and its right edge.
        var wide = overflow <= 0 ? string.Empty : await page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .filter(e => { for (let a = e.parentElement; a; a = a.parentElement) { if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return false; } return true; })
                .slice(0, 6)
                .map(e => `${e.tagName}.${e.className} in ${e.closest('[data-testid]')?.getAttribute('data-testid') ?? '-'} "${e.textContent.trim().slice(0, 30)}" to ${Math.round(e.getBoundingClientRect().right)}`)
                .join(' | ')
            """);
        Assert.True(overflow <= 0, $"{page.Url} is {overflow} px wider than the screen: {wide}");
    }

    public static async Task SignInAsync(IPage page, string userName, string password = DemoData.Password)
    {
        await page.GotoAsync("/signin");
        await page.GetByTestId("signin-user").FillAsync(userName);
        await page.GetByTestId("signin-password").FillAsync(password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
    }

    /// <summary>Signs the borrower in on <paramref name="page"/> and opens their (first) loan: its page's path.</summary>
    public static async Task<string> OpenOwnLoanAsync(IPage page, string borrower)
    {
        await SignInAsync(page, borrower);
        await page.GotoAsync("/loans");
        await page.GetByTestId("loan-link").First.ClickAsync();
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>
    /// On the payment provider's checkout page, pays; the provider sends the customer back to the receipt, which says
    /// paid once the provider's signed callback has reached the platform (it may come a moment after the customer).
    /// </summary>
    public static async Task PayOnCheckoutAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByTestId("sim-pay").ClickAsync();
        await Assertions.Expect(page.GetByTestId("payment-receipt")).ToBeVisibleAsync();
        for (var attempt = 0; attempt < 40 && await page.GetByTestId("receipt-pending").IsVisibleAsync(); attempt++)
        {
            await page.WaitForTimeoutAsync(250);
            await page.ReloadAsync();
        }

        await Assertions.Expect(page.GetByTestId("receipt-paid")).ToBeVisibleAsync();
        // Where the money went: onto instalments by component, or held as credit for the next one.
        await Assertions.Expect(page.GetByTestId("breakdown-part").Or(page.GetByTestId("breakdown-held")).First).ToBeVisibleAsync();
    }

    public static async Task FillAsync(IPage page, string path, string value)
    {
        var field = page.GetByTestId("f-" + path);
        if (await field.EvaluateAsync<string>("e => e.tagName") == "SELECT")
        {
            await field.SelectOptionAsync(value);
        }
        else
        {
            await field.FillAsync(value);
        }
    }

    public static async Task FillStepAsync(IPage page, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (path, value) in values)
        {
            await FillAsync(page, path, value);
        }
    }

    public static async Task NextAsync(IPage page, int expectedStep)
    {
        await page.GetByTestId("apply-next").ClickAsync();
        await Assertions.Expect(page.Locator("ol.steps li.on")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"ol.steps li:nth-child({expectedStep})")).ToHaveClassAsync("on");
    }

    /// <summary>
    /// On an offer's disclosure page: texts the signing code, confirms the disclosure was read and signs with the code
    /// the customer's mobile received (read by <paramref name="codes"/> once the text was sent).
    /// </summary>
    public static async Task SignContractAsync(IPage page, Func<Task<string>> codes)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(codes);
        await page.GetByTestId("sign-send-code").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sign-code-notice")).ToBeVisibleAsync();
        await page.GetByTestId("sign-code").FillAsync(await codes());
        await page.GetByTestId("accept-confirm").CheckAsync();
        await page.GetByTestId("accept-submit").ClickAsync();
    }

    /// <summary>Fills the three steps of the application form (no credit figures: the platform pulls the report) and submits it; answers the decision page.</summary>
    public static async Task ApplyAsync(IPage page, IReadOnlyDictionary<string, string> vehicleAndPlan, IReadOnlyDictionary<string, string> applicant)
    {
        await page.GotoAsync("/apply");
        await FillStepAsync(page, vehicleAndPlan);
        await NextAsync(page, 2);
        await FillStepAsync(page, applicant);
        await NextAsync(page, 3);
        await page.GetByTestId("apply-consent").CheckAsync();
        await page.GetByTestId("apply-submit").ClickAsync();
        await page.WaitForURLAsync("**/applications/*?decided=1");
        await Assertions.Expect(page.GetByTestId("decision-status")).ToBeVisibleAsync();
    }
}
