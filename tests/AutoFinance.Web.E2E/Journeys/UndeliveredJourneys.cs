using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Messaging;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// On a phone (390×844) and a desktop (1366×900): after the SMS gateway was down longer than the retries span, the
/// jobs page shows the texts given up on; an admin sends them again, the page says how many went back to the queue,
/// and the platform's own dispatcher delivers them. A manager sees the same table without the button.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UndeliveredJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task An_admin_sends_the_texts_a_gateway_outage_left_undelivered_again(int width, int height, string device)
    {
        var messageId = await GaveUpOnAsync($"【AutoFinance】您的还款已到账（{device}）。");
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, "admin");
        await page.GotoAsync("/jobs");
        var sms = page.Locator("[data-testid='undelivered-channel'][data-channel='sms']");
        await Assertions.Expect(sms).ToContainTextAsync("HTTP 503 gateway busy");
        var worth = await sms.GetAttributeAsync("data-worth");
        Assert.True(int.Parse(worth!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        await sms.ScrollIntoViewIfNeededAsync();
        await fixture.ShotAsync(page, $"undelivered-1-listed-{device}");

        await sms.GetByTestId("undelivered-resend").ClickAsync();
        var resent = page.GetByTestId("outbox-resent");
        await Assertions.Expect(resent).ToHaveAttributeAsync("data-count", worth!);
        await Assertions.Expect(resent).ToContainTextAsync("重新排入发送队列");
        await fixture.ShotAsync(page, $"undelivered-2-resent-{device}");

        // The platform's scheduled dispatcher takes it from here.
        for (var attempt = 0; attempt < 60 && await StatusAsync(messageId) != OutboxStatus.Sent; attempt++)
        {
            await Task.Delay(500);
        }

        Assert.Equal(OutboxStatus.Sent, await StatusAsync(messageId));

        var manager = await fixture.NewPageAsync();
        await manager.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(manager, "manager");
        await manager.GotoAsync("/jobs");
        await Assertions.Expect(manager.Locator("[data-testid='undelivered-channel'][data-channel='sms']")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("undelivered-resend")).ToHaveCountAsync(0);
    }

    /// <summary>A receipt text for Li Na as the dispatcher leaves it once its last retry failed.</summary>
    private async Task<Guid> GaveUpOnAsync(string text)
    {
        using var scope = fixture.Platform.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var hash = scope.ServiceProvider.GetRequiredService<AccountNames>().LookupHash("13800138000");
        var customer = await db.Users.AsNoTracking().Where(u => u.UserNameHash == hash).Select(u => u.CustomerId).FirstAsync();
        var now = fixture.Platform.Clock.GetUtcNow();
        var id = Guid.NewGuid();
        db.Outbox.Add(new OutboxMessageRow
        {
            Id = id,
            DedupeKey = $"journey:{id}",
            CustomerId = customer,
            Channel = "sms",
            Language = "zh-CN",
            Template = "payment.received",
            Purpose = "servicing",
            Body = text,
            Status = OutboxStatus.Failed,
            Attempts = OutboxDispatcher.MaxAttempts,
            CreatedAt = now.AddHours(-2),
            NextAttemptAt = now,
            LastError = "HTTP 503 gateway busy",
        });
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<OutboxStatus> StatusAsync(Guid id)
    {
        using var scope = fixture.Platform.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>().Outbox.AsNoTracking().Where(m => m.Id == id).Select(m => m.Status).SingleAsync();
    }
}
