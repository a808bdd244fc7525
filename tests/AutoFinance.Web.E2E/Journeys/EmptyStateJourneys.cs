using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>A customer who has just registered finds no empty tables: each empty list says what it will hold and what to do next.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmptyStateJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone", "15900159001")]
    [InlineData(1366, 900, "desktop", "15900159002")]
    public async Task A_new_customer_reads_what_each_empty_list_is_for_and_the_next_step(int width, int height, string screen, string mobile)
    {
        using (var scope = fixture.Platform.App.Services.CreateScope())
        {
            var (userId, problem) = await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterCustomerAsync(mobile, DemoData.Password, "Qian Yu", CancellationToken.None);
            Assert.True(userId is not null, problem);
        }

        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, mobile);
        foreach (var (path, testId, next) in new[] { ("/loans", "no-loans", "/applications"), ("/applications", "no-applications", "/apply"), ("/inbox", "inbox-empty", "/help") })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.GetByTestId(testId)).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId(testId + "-next")).ToHaveAttributeAsync("href", next);
            await Assertions.Expect(page.Locator("table")).ToHaveCountAsync(0);
            await fixture.ShotAsync(page, $"empty-{screen}-{path.Trim('/')}");
        }
    }
}
