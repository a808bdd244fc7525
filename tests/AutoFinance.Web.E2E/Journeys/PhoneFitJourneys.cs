using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// Every page a person's menu offers, and the first records each list links to, fits a phone's screen (390×844), in
/// Chinese and in English: no sideways scrolling of the page itself (wide tables scroll inside their own frame).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneFitJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData("admin", "zh")]
    [InlineData("underwriter", "zh")]
    [InlineData("analyst", "zh")]
    [InlineData("manager", "zh")]
    [InlineData("collector", "zh")]
    [InlineData("agent", "zh")]
    [InlineData("dealer", "zh")]
    [InlineData("13800138000", "zh")]
    [InlineData("admin", "en")]
    [InlineData("13800138000", "en")]
    public async Task Every_page_in_the_menu_and_the_records_it_lists_fit_a_phone(string user, string language)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await Portal.SignInAsync(page, user);
        if (language == "en")
        {
            await page.GetByTestId("language-switch").GetByText("EN").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        }

        var pages = await LinksAsync(page, "nav a[href^='/'], [data-testid=tab-bar] a[href^='/']");
        Assert.NotEmpty(pages);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var path in pages)
        {
            await VisitAsync(page, path, visited, problems);
            // The first record the list links to (an application, a loan, a customer, a case ...).
            foreach (var detail in (await LinksAsync(page, "main table a[href^='/'], main ul a[href^='/'], main [data-testid$='-link'][href^='/']"))
                .Where(d => !pages.Contains(d) && !d.StartsWith("/api/", StringComparison.Ordinal)).Take(2))
            {
                await VisitAsync(page, detail, visited, problems);
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task VisitAsync(IPage page, string path, HashSet<string> visited, List<string> problems)
    {
        if (!visited.Add(path.Split('?', '#')[0]))
        {
            return;
        }

        var response = await page.GotoAsync(path);
        if (response is { Ok: false })
        {
            problems.Add($"{path}: {response.Status}");
            return;
        }

        try
        {
            await Portal.AssertFitsAsync(page);
        }
        catch (Xunit.Sdk.TrueException e)
        {
            problems.Add(e.Message);
        }
    }

    private static async Task<List<string>> LinksAsync(IPage page, string selector) =>
        [.. (await page.Locator(selector).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Where(h => h is { Length: > 1 } && !h.StartsWith("/signout", StringComparison.Ordinal) && !h.Contains("download", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];
}
