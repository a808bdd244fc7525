using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// The admin console and the customer's hardship request on a phone (390×844) and a desktop (1366×900): a blacklist
/// entry asked for on /blacklist takes effect only when a second person approves it, and a customer's hardship request
/// from their loan page reaches the staff queue, whose decision the customer then reads on the loan page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task A_blacklist_entry_asked_for_by_a_manager_is_listed_once_an_admin_approves_it(int width, int height, string device)
    {
        var mobile = "137" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var masked = mobile[..3] + "****" + mobile[^4..];
        var manager = await fixture.NewPageAsync();
        await manager.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(manager, "manager");
        await manager.GotoAsync("/blacklist");

        // A number that is not a mobile is named beside its field, and nothing is asked.
        await manager.GetByTestId("blacklist-kind").SelectOptionAsync("mobile");
        await manager.GetByTestId("blacklist-value").FillAsync("12345");
        await manager.GetByTestId("blacklist-reason").FillAsync("reported stolen with the phone");
        await manager.GetByTestId("blacklist-submit").ClickAsync();
        await Assertions.Expect(manager.Locator(".field-error[data-field='value']")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("console-sent")).ToHaveCountAsync(0);

        await manager.GetByTestId("blacklist-kind").SelectOptionAsync("mobile");
        await manager.GetByTestId("blacklist-value").FillAsync(mobile);
        await manager.GetByTestId("blacklist-reason").FillAsync("reported stolen with the phone");
        await manager.GetByTestId("blacklist-submit").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("console-sent")).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("[data-testid='blacklist-masked']", new() { HasTextString = masked })).ToHaveCountAsync(0);
        await fixture.ShotAsync(manager, $"console-1-blacklist-asked-{device}");

        var admin = await fixture.NewPageAsync();
        await admin.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(admin, "admin");
        await admin.GotoAsync("/approvals");
        var request = admin.Locator("[data-testid='approval'][data-action='blacklist.add']", new() { HasTextString = masked });
        await Assertions.Expect(request).ToHaveAttributeAsync("data-status", "pending");
        await request.GetByTestId("approval-approve").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("approval-outcome")).ToHaveAttributeAsync("data-outcome", "approved");

        await manager.GotoAsync("/blacklist");
        await Assertions.Expect(manager.Locator("[data-testid='blacklist-masked']", new() { HasTextString = masked })).ToHaveCountAsync(1);
        await fixture.ShotAsync(manager, $"console-2-blacklist-listed-{device}");
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task A_customer_asks_for_a_payment_holiday_and_reads_the_staff_decision_on_the_loan_page(int width, int height, string device)
    {
        var customer = await fixture.NewPageAsync();
        await customer.SetViewportSizeAsync(width, height);
        var loanPath = await Portal.OpenOwnLoanAsync(customer, "13800138000");

        await customer.GetByTestId("hardship-submit").ClickAsync();
        await Assertions.Expect(customer.Locator(".field-error[data-field='reason']")).ToBeVisibleAsync();
        await customer.GetByTestId("hardship-holiday-2").CheckAsync();
        await customer.GetByTestId("hardship-reason").FillAsync("在医院住了一个月，下个月复工");
        await customer.GetByTestId("hardship-submit").ClickAsync();
        await Assertions.Expect(customer.GetByTestId("hardship-asked")).ToBeVisibleAsync();
        await Assertions.Expect(customer.Locator("[data-testid='hardship-request'][data-state='requested']")).ToHaveCountAsync(1);
        await Assertions.Expect(customer.GetByTestId("hardship-submit")).ToHaveCountAsync(0);
        await fixture.ShotAsync(customer, $"console-3-hardship-asked-{device}");

        var agent = await fixture.NewPageAsync();
        await agent.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(agent, "agent");
        await agent.GotoAsync("/hardship");
        var item = agent.Locator("[data-testid='hardship-queue-item'][data-state='requested']", new() { HasTextString = "在医院住了一个月" });
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await item.GetByTestId("hardship-decline").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("hardship-outcome")).ToHaveAttributeAsync("data-outcome", "reason-needed");
        await agent.Locator("[data-testid='hardship-queue-item'][data-state='requested']", new() { HasTextString = "在医院住了一个月" })
            .GetByTestId("hardship-decline-reason").FillAsync("请先补交收入证明");
        await agent.Locator("[data-testid='hardship-queue-item'][data-state='requested']", new() { HasTextString = "在医院住了一个月" })
            .GetByTestId("hardship-decline").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("hardship-outcome")).ToHaveAttributeAsync("data-outcome", "declined");
        await fixture.ShotAsync(agent, $"console-4-hardship-queue-{device}");

        await customer.GotoAsync(loanPath);
        var decided = customer.Locator("[data-testid='hardship-request'][data-state='declined']").First;
        await Assertions.Expect(decided.GetByTestId("hardship-note")).ToHaveTextAsync("请先补交收入证明");
        await Assertions.Expect(customer.GetByTestId("hardship-submit")).ToBeVisibleAsync();
        await fixture.ShotAsync(customer, $"console-5-hardship-declined-{device}");
    }
}
