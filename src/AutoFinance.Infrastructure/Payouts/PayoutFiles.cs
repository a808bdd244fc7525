using System.Globalization;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// The credit-transfer files for the bank (pain.001.001.09), from the lender's account (<c>Payouts:Debtor:Name</c>,
/// <c>:Account</c>, <c>:Bic</c>). A new file carries the pending payouts of the file channel that no file carries yet:
/// a payout goes into one file only, so two files handed to the bank never pay a payee twice. A file already written is
/// given again as it was (the same message id, time and transfers), for a download that was lost. Writing a file moves
/// no money and books nothing: the statement's debit line does.
/// </summary>
public sealed class PayoutFiles(AutoFinanceDbContext db, IPersonalDataProtector protector, IConfiguration configuration, TimeProvider time)
{
    private const string IdFormat = "yyyyMMddHHmmssfff";

    public sealed record PayoutFile(string MessageId, DateTimeOffset CreatedAt, int Transfers, decimal Total, string Xml);

    /// <summary>
    /// A file as staff list it: its transfers, and how many of them the bank's statement has confirmed or the bank
    /// returned; for a file the bank rejected whole, when, with its reason, and how many payouts went back to wait for
    /// the next file.
    /// </summary>
    public sealed record FileSummary(string MessageId, DateTimeOffset CreatedAt, int Transfers, decimal Total, int Confirmed, int Failed, Rejection? Rejected = null);

    /// <summary>The bank's rejection of a whole file.</summary>
    public sealed record Rejection(DateTimeOffset At, string? ReasonCode, string? Reason, int Released);

    public Pain001File.Debtor Debtor => new(
        configuration["Payouts:Debtor:Name"] ?? "AutoFinance Lending Co., Ltd.",
        configuration["Payouts:Debtor:Account"] ?? "110060149018800012345",
        configuration["Payouts:Debtor:Bic"] ?? "COMMCNSHBJG");

    /// <summary>A new file of the payouts no file carries yet; null when none is waiting.</summary>
    public async Task<PayoutFile?> WriteNewAsync(string actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var messageId = "AF" + now.ToString(IdFormat, CultureInfo.InvariantCulture);
        // The claim and its audit entry are stored together: a file is never claimed without a trace of who wrote it.
        return await AuditLog.SerialisedAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            // Each payout is claimed by one message in one statement, so two files written at once never share a payout;
            // its version moves, so a cancellation that read it before the claim cannot fail it after.
            var claimed = await db.Set<PayoutRow>().Where(p => p.Status == PayoutStatus.Pending && p.Channel == DealerPayouts.FileChannel && p.FileMessageId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.FileMessageId, messageId).SetProperty(p => p.Version, p => p.Version + 1), ct).ConfigureAwait(false);
            if (claimed == 0)
            {
                return null;
            }

            var file = await ReadAsync(messageId, ct).ConfigureAwait(false);
            await AuditLog.AppendAsync(db, [new AuditEvent(actor, "payout.file-written", "payout-file", messageId, new { file!.Transfers, file.Total })], now, ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return file;
        }).ConfigureAwait(false);
    }

    /// <summary>The file written as <paramref name="messageId"/>, as it was written; null for a message never written.</summary>
    public async Task<PayoutFile?> ReadAsync(string messageId, CancellationToken ct)
    {
        if (CreatedAt(messageId) is not { } created)
        {
            return null;
        }

        var payouts = await db.Set<PayoutRow>().AsNoTracking().Where(p => p.FileMessageId == messageId).OrderBy(p => p.CreatedAt).ThenBy(p => p.Reference).ToListAsync(ct).ConfigureAwait(false);
        if (payouts.Count == 0)
        {
            return null;
        }

        var transfers = payouts.Select(p => new Pain001File.Transfer(p.Reference, p.Amount, p.Currency, p.PayeeName, p.PayeeBank, protector.Unprotect(p.AccountNumberCipher), $"Loan payout {p.Reference}")).ToList();
        var local = TimeZoneInfo.ConvertTime(created, time.LocalTimeZone);
        var xml = Pain001File.Write(messageId, local, DateOnly.FromDateTime(local.DateTime), Debtor, transfers);
        return new PayoutFile(messageId, created, transfers.Count, transfers.Sum(t => t.Amount), xml);
    }

    /// <summary>The newest files first, those the bank rejected whole included.</summary>
    public async Task<IReadOnlyList<FileSummary>> RecentAsync(int count, CancellationToken ct)
    {
        var carried = await db.Set<PayoutRow>().AsNoTracking().Where(p => p.FileMessageId != null).Select(p => p.FileMessageId!).Distinct()
            .OrderByDescending(id => id).Take(count).ToListAsync(ct).ConfigureAwait(false);
        var rejections = await db.Set<PayoutFileRejectionRow>().AsNoTracking().OrderByDescending(r => r.MessageId).Take(count).ToListAsync(ct).ConfigureAwait(false);
        var ids = carried.Union(rejections.Select(r => r.MessageId)).OrderByDescending(id => id, StringComparer.Ordinal).Take(count).ToList();
        var payouts = (await db.Set<PayoutRow>().AsNoTracking().Where(p => ids.Contains(p.FileMessageId!))
            .Select(p => new { MessageId = p.FileMessageId!, p.Amount, p.Status }).ToListAsync(ct).ConfigureAwait(false)).ToLookup(p => p.MessageId);
        var rejected = rejections.ToDictionary(r => r.MessageId, StringComparer.Ordinal);
        return [.. ids.Select(id =>
        {
            var still = payouts[id].ToList();
            // A transfer the payee's bank later sent back was carried out by the lender's bank all the same.
            var (confirmed, failed) = (still.Count(p => p.Status is PayoutStatus.Confirmed or PayoutStatus.Returned), still.Count(p => p.Status == PayoutStatus.Failed));
            return rejected.TryGetValue(id, out var r)
                ? new FileSummary(id, CreatedAt(id) ?? r.RejectedAt, r.Transfers, r.Total, confirmed, failed, new Rejection(r.RejectedAt, r.ReasonCode, r.Reason, r.Released))
                : new FileSummary(id, CreatedAt(id) ?? default, still.Count, still.Sum(p => p.Amount), confirmed, failed);
        })];
    }

    /// <summary>When a message was written: its id is the moment, to the millisecond, in UTC.</summary>
    private static DateTimeOffset? CreatedAt(string messageId) =>
        messageId.Length == 2 + IdFormat.Length && messageId.StartsWith("AF", StringComparison.Ordinal)
        && DateTime.TryParseExact(messageId.AsSpan(2), IdFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;
}
