using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// The credit-transfer file for the bank: every pending payout of the file channel in one pain.001.001.09 message,
/// from the lender's account (<c>Payouts:Debtor:Name</c>, <c>:Account</c>, <c>:Bic</c>). Each payout remembers the
/// message it was last written into; writing a file moves no money and books nothing — the statement does.
/// </summary>
public sealed class PayoutFiles(AutoFinanceDbContext db, IPersonalDataProtector protector, IConfiguration configuration, TimeProvider time)
{
    public sealed record PayoutFile(string MessageId, int Transfers, decimal Total, string Xml);

    public Pain001File.Debtor Debtor => new(
        configuration["Payouts:Debtor:Name"] ?? "AutoFinance Lending Co., Ltd.",
        configuration["Payouts:Debtor:Account"] ?? "110060149018800012345",
        configuration["Payouts:Debtor:Bic"] ?? "COMMCNSHBJG");

    public async Task<PayoutFile> WriteAsync(string actor, CancellationToken ct)
    {
        var pending = await db.Set<PayoutRow>().Where(p => p.Status == PayoutStatus.Pending && p.Channel == DealerPayouts.FileChannel)
            .OrderBy(p => p.CreatedAt).ToListAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var messageId = "AF" + now.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var transfers = pending.Select(p => new Pain001File.Transfer(p.Reference, p.Amount, p.Currency, p.PayeeName, p.PayeeBank, protector.Unprotect(p.AccountNumberCipher), $"Loan payout {p.Reference}")).ToList();
        var xml = Pain001File.Write(messageId, time.GetLocalNow(), DateOnly.FromDateTime(time.GetLocalNow().DateTime), Debtor, transfers);
        foreach (var payout in pending)
        {
            payout.FileMessageId = messageId;
        }

        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor, "payout.file-written", "payout-file", messageId, new { Transfers = transfers.Count, Total = transfers.Sum(t => t.Amount) })], now, ct).ConfigureAwait(false);
        return new PayoutFile(messageId, transfers.Count, transfers.Sum(t => t.Amount), xml);
    }
}
