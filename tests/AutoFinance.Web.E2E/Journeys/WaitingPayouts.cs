using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Infrastructure.Payouts;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>Payouts the browser journeys need in place before they start.</summary>
internal static class WaitingPayouts
{
    /// <summary>
    /// A payout of the file channel waiting for a bank file, beside a booked contract's own (whose contract a failed
    /// payout leaves booked), under that payout's reference with <paramref name="suffix"/>: its reference.
    /// </summary>
    public static async Task<string> ForFileAsync(BrowserFixture fixture, string suffix)
    {
        using var scope = fixture.Platform.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var paid = await db.Set<PayoutRow>().AsNoTracking()
            .Where(p => p.Status == PayoutStatus.Confirmed && p.Purpose == PayoutPurpose.Disbursement).OrderBy(p => p.Reference).FirstAsync();
        var reference = $"{paid.Reference}-{suffix}";
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
