using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// A customer changes their password from the name in the header: a mistyped repeat and a wrong current password are
/// said beside their fields, in Chinese; once changed, the page says so, the customer stays signed in here, and only the
/// new password signs in afterwards.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PasswordJourneys(BrowserFixture fixture)
{
    private const string NewPassword = "long-enough-password-3";

    [Theory]
    [InlineData(390, 844, "phone", "15900159003")]
    [InlineData(1366, 900, "desktop", "15900159004")]
    public async Task A_customer_changes_the_password_and_only_the_new_one_signs_in(int width, int height, string screen, string mobile)
    {
        using (var scope = fixture.Platform.App.Services.CreateScope())
        {
            var (userId, problem) = await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterCustomerAsync(mobile, DemoData.Password, "Zhou Min", CancellationToken.None);
            Assert.True(userId is not null, problem);
        }

        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, mobile);
        await page.GetByTestId("signed-in-as").ClickAsync();
        await Assertions.Expect(page.GetByTestId("password-change")).ToBeVisibleAsync();

        await page.GetByTestId("password-current").FillAsync(DemoData.Password);
        await page.GetByTestId("password-new").FillAsync(NewPassword);
        await page.GetByTestId("password-repeat").FillAsync(NewPassword + "x");
        await page.GetByTestId("password-submit").ClickAsync();
        await Assertions.Expect(page.GetByText("两次输入的新密码不一致")).ToBeVisibleAsync();

        await page.GetByTestId("password-current").FillAsync("not-my-password-1");
        await page.GetByTestId("password-new").FillAsync(NewPassword);
        await page.GetByTestId("password-repeat").FillAsync(NewPassword);
        await page.GetByTestId("password-submit").ClickAsync();
        await Assertions.Expect(page.GetByText("当前密码不正确")).ToBeVisibleAsync();
        await fixture.ShotAsync(page, $"password-{screen}-wrong-current");

        await page.GetByTestId("password-current").FillAsync(DemoData.Password);
        await page.GetByTestId("password-new").FillAsync(NewPassword);
        await page.GetByTestId("password-repeat").FillAsync(NewPassword);
        await page.GetByTestId("password-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("password-changed")).ToBeVisibleAsync();
        await fixture.ShotAsync(page, $"password-{screen}-changed");

        // Still signed in here; elsewhere only the new password opens the account.
        await page.GotoAsync("/loans");
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
        var other = await fixture.NewPageAsync();
        await other.GotoAsync("/signin");
        await other.GetByTestId("signin-user").FillAsync(mobile);
        await other.GetByTestId("signin-password").FillAsync(DemoData.Password);
        await other.GetByTestId("signin-submit").ClickAsync();
        await Assertions.Expect(other.GetByTestId("signin-failed")).ToBeVisibleAsync();
        await Portal.SignInAsync(other, mobile, NewPassword);
    }
}
