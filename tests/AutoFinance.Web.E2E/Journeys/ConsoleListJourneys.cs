using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// The console's lists on a phone (390×844) and a desktop (1366×900): users, dealers, write-offs and models each show
/// their rows with the shared sort, filter and export controls, and a list sorted and filtered through those controls
/// exports as CSV exactly the rows it shows.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleListJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task The_users_list_is_filtered_by_role_sorted_by_name_and_exported_as_shown(int width, int height, string device)
    {
        var page = await SignedInAsync("manager", width, height);
        await page.GotoAsync("/users");
        await Assertions.Expect(page.GetByTestId("user").First).ToBeVisibleAsync();

        await page.GetByTestId("list-filter-status").SelectOptionAsync("collector");
        await page.GetByTestId("list-filter-apply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("list-filter-clear")).ToBeVisibleAsync();
        var roles = await page.GetByTestId("user").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.role)");
        Assert.NotEmpty(roles);
        Assert.All(roles, r => Assert.Equal("collector", r));

        // The list is by name already: choosing it again turns it round.
        await page.GetByTestId("sort-name").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sort-name")).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(page.GetByTestId("sort-name")).ToContainTextAsync("降序");
        Assert.Contains("sort=-name", page.Url, StringComparison.Ordinal);
        Assert.Contains("status=collector", page.Url, StringComparison.Ordinal);
        await fixture.ShotAsync(page, $"lists-1-users-{device}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("list-export").ClickAsync());
        Assert.StartsWith("users-", download.SuggestedFilename, StringComparison.Ordinal);
        var lines = File.ReadAllLines(await download.PathAsync()).Where(l => l.Length > 0).ToList();
        Assert.Equal("userName,displayName,role,active,openSessions", lines[0]);
        Assert.Equal(roles.Length, lines.Count - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(",collector,", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task The_dealers_list_finds_a_dealer_by_its_code(int width, int height, string device)
    {
        var page = await SignedInAsync("manager", width, height);
        await page.GotoAsync("/dealers");
        var code = await page.GetByTestId("dealer").First.GetAttributeAsync("data-code");
        Assert.False(string.IsNullOrEmpty(code));

        await page.GetByTestId("list-filter-text").FillAsync(code!);
        await page.GetByTestId("list-filter-apply").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid='dealer'][data-code='{code}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("pager-status")).ToBeVisibleAsync();
        await fixture.ShotAsync(page, $"lists-2-dealers-{device}");

        await page.GetByTestId("list-filter-text").FillAsync("no-dealer-has-this-code");
        await page.GetByTestId("list-filter-apply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dealer")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("dealers-empty")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task The_write_offs_page_pages_and_sorts_its_two_lists_apart(int width, int height, string device)
    {
        var page = await SignedInAsync("manager", width, height);
        await page.GotoAsync("/write-offs");
        await Assertions.Expect(page.GetByTestId("list-filter")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("loans-list-filter")).ToBeVisibleAsync();

        // Sorting the written-off loans keeps the proposals' own order and filter.
        await page.GotoAsync("/write-offs?status=pending");
        await page.Locator("[data-testid='list-tools']").Nth(1).GetByTestId("sort-principal").ClickAsync();
        Assert.Contains("loans-sort=principal", page.Url, StringComparison.Ordinal);
        Assert.Contains("status=pending", page.Url, StringComparison.Ordinal);
        await fixture.ShotAsync(page, $"lists-3-write-offs-{device}");
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task The_models_list_shows_the_registry_filtered_by_state(int width, int height, string device)
    {
        var page = await SignedInAsync("admin", width, height);
        await page.GotoAsync("/models");
        await Assertions.Expect(page.GetByTestId("list-tools")).ToBeVisibleAsync();
        await fixture.ShotAsync(page, $"lists-4-models-{device}");

        await page.GetByTestId("list-filter-status").SelectOptionAsync("retired");
        await page.GetByTestId("list-filter-apply").ClickAsync();
        Assert.Contains("status=retired", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("list-filter-status")).ToHaveValueAsync("retired");
        var states = await page.GetByTestId("model-version").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.state)");
        Assert.All(states, s => Assert.Equal("retired", s));
        await fixture.ShotAsync(page, $"lists-5-models-retired-{device}");
    }

    private async Task<IPage> SignedInAsync(string user, int width, int height)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, user);
        return page;
    }
}
