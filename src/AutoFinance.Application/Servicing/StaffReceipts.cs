using AutoFinance.Application.Approvals;
using AutoFinance.Application.Common;
using AutoFinance.Application.Security;

namespace AutoFinance.Application.Servicing;

/// <summary>
/// Money staff post by hand above a limit (default ¥50,000; <c>Payments:StaffReceipts:ApprovalAbove</c>) waits for a
/// second person: the payment or payoff is checked in full, then held as an approval instead of being posted. The
/// approver's decision posts it (as the approver, naming the requester), exactly as it was asked.
/// </summary>
public sealed class StaffReceipts(IApprovalRequests approvals, StaffReceiptOptions options)
{
    public const string PaymentAction = "payment.staff-receipt";
    public const string PayoffAction = "payoff.staff-receipt";

    /// <summary>Whether this money must wait for a second person; approved money and the rails' money never waits.</summary>
    public bool MustWait(Actor actor, decimal amount, string? approvedBy) =>
        actor is { IsStaff: true } && approvedBy is null && amount > options.ApprovalAbove;

    /// <summary>Holds the request for approval: what the approver will post, with the key it was asked under.</summary>
    public async Task<CommandResult<T>> HoldAsync<T>(Actor actor, string action, Guid loanId, decimal amount, object request, string? idempotencyKey, string? reference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var summary = RecordNote.Of(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{action} of {amount:0.00} on loan {loanId}, receipt {reference}"),
            ("loanId", loanId.ToString()), ("amount", RecordNote.Amount(amount)), ("receipt", reference ?? ""));
        // One request a receipt: two different receipts on one loan may wait together; the same one asked twice may not.
        var target = reference is { Length: > 0 } ? $"{loanId}:{reference}" : loanId.ToString();
        var held = await approvals.RequestAsync(actor, action, target, new HeldReceipt(loanId, Json.Serialize(request), idempotencyKey), summary,
            $"receipt {reference} above {options.ApprovalAbove:0.##}", ct).ConfigureAwait(false);
        return held.Failure == CommandFailure.None
            ? new CommandResult<T>(default) { AwaitingApproval = held.Value }
            : held.Refusal<T>();
    }

    /// <summary>What an approval holds: the loan, the request as asked (JSON) and its Idempotency-Key.</summary>
    public sealed record HeldReceipt(Guid LoanId, string RequestJson, string? IdempotencyKey);
}

/// <summary>The amount above which money staff post waits for a second person.</summary>
public sealed class StaffReceiptOptions
{
    public decimal ApprovalAbove { get; set; } = 50_000m;
}
