using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Infrastructure.Payouts;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// A manager stops a payout no bank file carries yet, on a phone and a desktop in Chinese: the form opens under the
/// payout with what cancelling means, the page says it was cancelled, and the failed list says why, in Chinese.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PayoutCancelJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task A_manager_cancels_a_payout_no_bank_file_carries_yet(int width, int height, string device)
    {
        var reference = await WaitingForFileAsync(device);
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, "manager");
        await page.GotoAsync("/payouts?status=pending");

        var row = page.Locator($"[data-testid=payout][data-reference='{reference}']");
        await row.GetByTestId("payout-cancel").Locator("summary").ClickAsync();
        await Assertions.Expect(row.GetByTestId("payout-cancel")).ToContainTextAsync("尚未写入银行文件");
        await row.GetByTestId("payout-cancel-reason").FillAsync("经销商要求暂缓付款");
        await fixture.ShotAsync(page, $"payout-cancel-1-form-{device}");

        await row.GetByTestId("payout-cancel-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("cancel-outcome")).ToHaveAttributeAsync("data-outcome", "cancelled");
        await Assertions.Expect(page.GetByTestId("cancel-outcome")).ToContainTextAsync("已撤销");
        await Portal.AssertFitsAsync(page);

        await page.GotoAsync("/payouts?status=failed");
        var cancelled = page.Locator($"[data-testid=payout][data-reference='{reference}']");
        await Assertions.Expect(cancelled).ToContainTextAsync("已由工作人员撤销");
        await Assertions.Expect(cancelled.Locator("td .status")).ToHaveTextAsync("已撤销");
        await fixture.ShotAsync(page, $"payout-cancel-2-failed-{device}");
    }

    /// <summary>
    /// A payout of the file channel waiting for a bank file, beside a booked contract's own (whose contract a failed
    /// payout leaves booked): its reference.
    /// </summary>
    private async Task<string> WaitingForFileAsync(string device)
    {
        using var scope = fixture.Platform.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var paid = await db.Set<PayoutRow>().AsNoTracking()
            .Where(p => p.Status == PayoutStatus.Confirmed && p.Purpose == PayoutPurpose.Disbursement).OrderBy(p => p.Reference).FirstAsync();
        var reference = $"{paid.Reference}-C{(device == "phone" ? 1 : 2)}";
        db.Set<PayoutRow>().Add(new PayoutRow
        {
            Id = Guid.CreateVersion7(),
            Reference = reference,
            ContractId = paid.ContractId,
            DealerId = paid.DealerId,
            Amount = paid.Amount,
            Currency = paid.Currency,
            PayeeName = paid.PayeeName,
            PayeeBank = paid.PayeeBank,
            AccountNumberCipher = paid.AccountNumberCipher,
            AccountNumberMasked = paid.AccountNumberMasked,
            Channel = DealerPayouts.FileChannel,
            CreatedBy = paid.CreatedBy,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return reference;
    }
}
