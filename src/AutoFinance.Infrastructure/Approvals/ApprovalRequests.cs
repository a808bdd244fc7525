using AutoFinance.Application.Approvals;
using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Approvals;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Approvals;

/// <summary>
/// Records a request for a sensitive action (its payload encrypted, its summary free of personal data); one pending
/// request per action and target. Deciding it is <see cref="ApprovalService"/>'s work.
/// </summary>
public sealed class ApprovalRequests(AutoFinanceDbContext db, IPersonalDataProtector protector, TimeProvider time) : IApprovalRequests
{
    /// <summary>Asks for an action; nothing happens until someone else approves it.</summary>
    public async Task<CommandResult<ApprovalRow>> CreateAsync(Actor actor, string action, string target, object payload, RecordNote summary, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(summary);
        if (reason?.Trim() is not { Length: >= 3 and <= ApprovalReasons.Longest })
        {
            return CommandResult<ApprovalRow>.Invalid("reason", $"is required (3 to {ApprovalReasons.Longest} characters)", "field.length", ApprovalReasons.Figures);
        }

        if (await db.Approvals.AnyAsync(a => a.Action == action && a.Target == target && a.Status == ApprovalStatus.Pending, ct).ConfigureAwait(false))
        {
            return CommandResult<ApprovalRow>.Conflict("the same action is already waiting for approval", "approval.pending");
        }

        var now = time.GetUtcNow();
        var row = new ApprovalRow
        {
            Id = Guid.CreateVersion7(now),
            Action = action,
            Target = target,
            PayloadCipher = protector.Protect(Json.Serialize(payload)),
            Summary = summary.Text,
            SummaryFacts = Json.Serialize(summary.Facts),
            Reason = reason.Trim(),
            RequestedBy = actor.AuditName,
            RequestedAt = now,
        };
        db.Approvals.Add(row);
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "approval.requested", "approval", row.Id.ToString(), new { action, target, summary = summary.Text })], now, ct).ConfigureAwait(false);
        return CommandResult<ApprovalRow>.Ok(row);
    }

    async Task<CommandResult<PendingApproval>> IApprovalRequests.RequestAsync(Actor actor, string action, string target, object payload, RecordNote summary, string? reason, CancellationToken ct)
    {
        var asked = await CreateAsync(actor, action, target, payload, summary, reason, ct).ConfigureAwait(false);
        return asked.Value is { } row
            ? CommandResult<PendingApproval>.Ok(new PendingApproval(row.Id, row.Action, row.Summary))
            : asked.Refusal<PendingApproval>();
    }
}
