using System.Globalization;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// The product pages on a phone (390×844) and a desktop (1366×900): an admin raises the late fee, the change waits
/// in the approvals queue where the admin cannot decide it, a manager approves it, and the product shows its new
/// version with the old one in its history; a bad figure is named beside its field in the page's language.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProductJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task An_admins_product_change_becomes_the_next_version_once_a_manager_approves_it(int width, int height, string device)
    {
        var admin = await fixture.NewPageAsync();
        await admin.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(admin, "admin");
        await admin.GotoAsync("/products");
        await admin.Locator("[data-testid=product-row][data-code=car-loan]").GetByTestId("product-link").ClickAsync();
        await admin.WaitForURLAsync("**/products/car-loan");
        var version = int.Parse((await admin.GetByTestId("product-current-version").InnerTextAsync()).TrimStart('v'), CultureInfo.InvariantCulture);
        var fee = decimal.Parse(await admin.GetByTestId("product-late-fee-input").InputValueAsync(), CultureInfo.InvariantCulture) + 10m;
        await fixture.ShotAsync(admin, $"products-1-edit-{device}");

        await admin.GetByTestId("product-late-fee-input").FillAsync(fee.ToString(CultureInfo.InvariantCulture));
        await admin.GetByTestId("product-reason").FillAsync($"late fee up to {fee} on the {device}");
        await admin.GetByTestId("product-submit").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("product-proposed")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("product-pending")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("product-current-version")).ToHaveTextAsync($"v{version}");

        // The admin who proposed it sees it as theirs in the queue, with no way to decide it.
        await admin.GotoAsync("/approvals");
        var own = admin.Locator("[data-testid=approval][data-action='product.change']").First;
        await Assertions.Expect(own).ToHaveAttributeAsync("data-own", "true");
        await Assertions.Expect(own.GetByTestId("approval-approve")).ToHaveCountAsync(0);

        var manager = await fixture.NewPageAsync();
        await manager.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(manager, "manager");
        await manager.GotoAsync("/approvals");
        var request = manager.Locator("[data-testid=approval][data-action='product.change'][data-status=pending]").First;
        await Assertions.Expect(request.GetByTestId("approval-summary")).ToContainTextAsync("逾期费用规则");
        await fixture.ShotAsync(manager, $"products-2-approval-{device}");
        await request.GetByTestId("approval-approve").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("approval-outcome")).ToHaveAttributeAsync("data-outcome", "approved");

        await manager.GotoAsync("/products/car-loan");
        await Assertions.Expect(manager.GetByTestId("product-current-version")).ToHaveTextAsync($"v{version + 1}");
        await Assertions.Expect(manager.GetByTestId("product-late-fee")).ToHaveTextAsync("¥" + fee.ToString("#,##0.00", CultureInfo.InvariantCulture));
        var newest = manager.Locator($"[data-testid=product-version-row][data-version='{version + 1}']");
        await Assertions.Expect(newest).ToContainTextAsync($"late fee up to {fee} on the {device}");
        await Assertions.Expect(manager.Locator($"[data-testid=product-version-row][data-version='{version}']")).ToBeVisibleAsync();
        await fixture.ShotAsync(manager, $"products-3-versions-{device}");
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task A_late_fee_below_zero_is_named_beside_its_field_in_chinese_and_nothing_waits_for_approval(int width, int height, string device)
    {
        var manager = await fixture.NewPageAsync();
        await manager.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(manager, "manager");
        await manager.GotoAsync("/products/car-loan");

        await manager.GetByTestId("product-late-fee-input").FillAsync("-1");
        await manager.GetByTestId("product-submit").ClickAsync();

        await Assertions.Expect(manager.Locator(".field-error[data-field='lateCharges.fixedFee']")).ToHaveTextAsync("须在 0 至 10000 之间");
        await Assertions.Expect(manager.Locator(".field-error[data-field='reason']")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("product-proposed")).ToHaveCountAsync(0);
        await fixture.ShotAsync(manager, $"products-4-problems-{device}");
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task A_manager_finds_a_customer_by_name_with_the_search_box(int width, int height, string device)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, "manager");
        await page.GotoAsync("/search");
        await page.GetByTestId("search-box").FillAsync("Wang Wei");
        await page.GetByTestId("search-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("search-customer").First).ToContainTextAsync("Wang Wei");
        await fixture.ShotAsync(page, $"products-5-search-{device}");
    }
}
