using AutoFinance.Application.Common;
using AutoFinance.Application.Payments.Statements;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// The bank's status report on a credit-transfer file (pain.002, <see cref="Pain002Reader"/>). A transfer the bank
/// rejected fails its payout with the bank's reason (the contract returns to signed, a refund is owed again), as a
/// provider's failure callback does. A file rejected whole, naming no transfer, carried out none of them: its pending
/// payouts are released for the next file, under their own references, and the rejection is kept with the bank's
/// reason (<see cref="PayoutFileRejectionRow"/>). Any other status changes nothing (the
/// statement's debit line confirms a payout). Imported again, a report changes nothing more.
/// </summary>
public sealed class PayoutStatusReports(AutoFinanceDbContext db, PayoutConfirmations confirmations, TimeProvider time)
{
    public sealed record Summary(string MessageId, string OriginalMessageId, int Rejected, int Released, int AlreadySettled, int Other, IReadOnlyList<string> Unknown);

    public async Task<CommandResult<Summary>> ImportAsync(Actor actor, string content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Pain002Reader.Report report;
        try
        {
            report = Pain002Reader.Read(content ?? string.Empty);
        }
        catch (StatementFormatException e)
        {
            return CommandResult<Summary>.Invalid("report", e.Message);
        }

        var payouts = await db.Set<PayoutRow>().AsNoTracking().Where(p => p.FileMessageId == report.OriginalMessageId).ToListAsync(ct).ConfigureAwait(false);
        var rejectedWhole = await db.Set<PayoutFileRejectionRow>().AsNoTracking().AnyAsync(r => r.MessageId == report.OriginalMessageId, ct).ConfigureAwait(false);
        if (report.FileRejected && rejectedWhole)
        {
            // The file's rejection is on record and its payouts were released then: nothing more changes.
            return CommandResult<Summary>.Ok(new Summary(report.MessageId, report.OriginalMessageId, 0, 0, payouts.Count, 0, []));
        }

        if (payouts.Count == 0)
        {
            return CommandResult<Summary>.Invalid("report", rejectedWhole
                ? $"the bank rejected bank file {report.OriginalMessageId} whole already, and its payouts moved to the next file"
                : $"no payout is in a bank file {report.OriginalMessageId}: it was never written");
        }

        if (report.FileRejected)
        {
            return CommandResult<Summary>.Ok(await RejectFileAsync(actor, report, payouts, ct).ConfigureAwait(false));
        }

        // Every rejected transfer fails its payout, and the report is audited, in one transaction: an import cut short
        // leaves nothing half done, and one racing another change of a payout is refused whole, to be imported again.
        int rejected = 0, settled = 0, other = 0;
        var unknown = new List<string>();
        var events = new List<AuditEvent>();
        foreach (var transfer in report.Transfers)
        {
            if (payouts.FirstOrDefault(p => p.Reference == transfer.EndToEndId) is not { } payout)
            {
                unknown.Add(transfer.EndToEndId);
            }
            else if (transfer.Status != Pain002Reader.Rejected)
            {
                other++;
            }
            else if ((await confirmations.StageFailureAsync(payout.Id, Reason(transfer), actor.AuditName, inFileToo: true, ct).ConfigureAwait(false)).Event is { } failed)
            {
                events.Add(failed);
                rejected++;
            }
            else
            {
                settled++;
            }
        }

        var summary = new Summary(report.MessageId, report.OriginalMessageId, rejected, 0, settled, other, unknown);
        events.Add(new AuditEvent(actor.AuditName, "payout.status-report", "payout-file", report.OriginalMessageId,
            new { report.MessageId, report.GroupStatus, summary.Rejected, summary.Released, summary.AlreadySettled, summary.Other, summary.Unknown }));
        try
        {
            await AuditLog.SaveWithAsync(db, events, time.GetUtcNow(), ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<Summary>.Conflict("a payout the report names changed while it was imported; nothing was stored: import the report again", "record.changed");
        }

        return CommandResult<Summary>.Ok(summary);
    }

    /// <summary>
    /// The whole file refused: its pending payouts released for the next file, and the rejection kept with what the file
    /// carried and the bank's reason, in one transaction with its audit entry. The same rejection stored at once by
    /// another import counts as that one.
    /// </summary>
    private async Task<Summary> RejectFileAsync(Actor actor, Pain002Reader.Report report, List<PayoutRow> payouts, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        try
        {
            var released = await AuditLog.SerialisedAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                var released = await db.Set<PayoutRow>().Where(p => p.FileMessageId == report.OriginalMessageId && p.Status == PayoutStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.FileMessageId, (string?)null), ct).ConfigureAwait(false);
                db.Add(new PayoutFileRejectionRow
                {
                    MessageId = report.OriginalMessageId,
                    ReportMessageId = report.MessageId,
                    ReasonCode = report.GroupReasonCode,
                    Reason = report.GroupReason,
                    Transfers = payouts.Count,
                    Total = payouts.Sum(p => p.Amount),
                    Released = released,
                    RejectedAt = now,
                    RecordedBy = actor.AuditName,
                });
                await AuditLog.AppendAsync(db, [new AuditEvent(actor.AuditName, "payout.status-report", "payout-file", report.OriginalMessageId,
                    new { report.MessageId, report.GroupStatus, report.GroupReasonCode, Released = released })], now, ct).ConfigureAwait(false);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return released;
            }).ConfigureAwait(false);
            return new Summary(report.MessageId, report.OriginalMessageId, 0, released, payouts.Count - released, 0, []);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return new Summary(report.MessageId, report.OriginalMessageId, 0, 0, payouts.Count, 0, []);
        }
    }

    private static string Reason(Pain002Reader.TransferStatus transfer) => PayoutFailures.BankRejected(transfer.ReasonCode, transfer.Reason);
}
