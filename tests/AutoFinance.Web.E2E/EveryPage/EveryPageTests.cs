using AutoFinance.Web.E2E.Journeys;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AutoFinance.Web.E2E.EveryPage;

/// <summary>
/// Every page each kind of reader can reach, in Chinese: no English outside what is marked as names, codes or English on
/// purpose, and no serious or critical accessibility violation (axe-core). Customers are checked on a phone's screen
/// (390×844), staff on a 1280-wide one.
/// </summary>
[Collection(ReaderCollection.Name)]
public sealed class EveryPageTests(BrowserFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string> Readers => new() { "-", "13800138000", "13900139000", BrowserFixture.PayoffCustomer, "dealer", "underwriter", "analyst", "manager", "collector", "agent", "admin" };

    /// <summary>
    /// One crawl a reader checks both: the page's text and labels (<see cref="ChineseText"/>) and axe-core's serious
    /// or critical WCAG 2.1 A/AA violations (<see cref="Accessibility"/>), each page under its own content security policy.
    /// </summary>
    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Every_page_reads_in_chinese_and_has_no_serious_accessibility_violation(string reader)
    {
        var page = await OpenAsync(fixture, reader);
        await Accessibility.LoadIntoEveryPageAsync(page);
        var english = new List<string>();
        var inaccessible = new List<string>();
        var visited = await PageCrawler.VisitAsync(page, async path =>
        {
            english.AddRange((await ChineseText.LeaksAsync(page)).Select(leak => $"{path}: {leak}"));
            inaccessible.AddRange((await Accessibility.SeriousViolationsAsync(page)).Select(violation => $"{path}: {violation}"));
        }, extra: Extra(reader));

        output.WriteLine($"{visited.Count} pages: {string.Join(' ', visited)}");
        Assert.True(visited.Count >= 3, "too few pages reached");
        Assert.True(english.Count == 0, "English on a Chinese page:\n" + string.Join('\n', english));
        Assert.True(inaccessible.Count == 0, "serious accessibility violations:\n" + string.Join('\n', inaccessible));
    }

    internal static string[] Extra(string reader) => reader == "-"
        ? ["/signin", "/register", "/calculator", "/help/knowledge", "/no-such-page"]
        : ["/no-such-page"];

    /// <summary>A reader signed in (or anonymous) on a phone's screen for customers, a 1280-wide one for staff.</summary>
    internal static async Task<IPage> OpenAsync(BrowserFixture fixture, string reader)
    {
        var customer = reader == "-" || char.IsDigit(reader[0]);
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(customer ? 390 : 1280, customer ? 844 : 900);
        if (reader != "-")
        {
            await Portal.SignInAsync(page, reader);
        }

        return page;
    }
}

/// <summary>
/// The readers' own platform and Chromium. They only read, so they crawl beside the journeys (xUnit runs collections
/// at the same time) instead of before them, on the platform as the fixture books it whatever the journeys change.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReaderCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "readers";
}
