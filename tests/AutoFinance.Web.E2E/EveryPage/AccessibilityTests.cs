using Xunit.Abstractions;

namespace AutoFinance.Web.E2E.EveryPage;

/// <summary>Every page each kind of reader can reach passes axe-core with no serious or critical WCAG 2.1 A/AA violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string> Readers => EveryPageTests.Readers;

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Every_page_has_no_serious_accessibility_violation(string reader)
    {
        var page = await EveryPageTests.OpenAsync(fixture, reader, bypassCsp: true);
        var problems = new List<string>();
        var visited = await PageCrawler.VisitAsync(page, async path =>
        {
            foreach (var violation in await Accessibility.SeriousViolationsAsync(page))
            {
                problems.Add($"{path}: {violation}");
            }
        }, extra: EveryPageTests.Extra(reader));

        output.WriteLine($"{visited.Count} pages: {string.Join(' ', visited)}");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
