using AutoFinance.Application.Common;
using AutoFinance.Application.Security;

namespace AutoFinance.Application.Approvals;

/// <summary>
/// The four-eyes rule's front door: a use case asks for an action that a second person must approve before it
/// happens. Nothing is done now; the approval carries the action out later as the approver.
/// </summary>
public interface IApprovalRequests
{
    Task<CommandResult<PendingApproval>> RequestAsync(Actor actor, string action, string target, object payload, RecordNote summary, string? reason, CancellationToken ct);
}

/// <summary>An action waiting for a second person.</summary>
public sealed record PendingApproval(Guid ApprovalId, string Action, string Summary);
