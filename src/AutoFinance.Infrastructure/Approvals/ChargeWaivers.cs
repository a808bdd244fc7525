using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Application.Servicing.WaiveCharges;

namespace AutoFinance.Infrastructure.Approvals;

/// <summary>
/// Late charges waived on loans: proposing a waiver checks it in full against the loan as it stands and asks a second
/// person through <see cref="ApprovalService"/>; the charges come off (and the customer is told) only when someone
/// else approves.
/// </summary>
public sealed class ChargeWaivers(WaiveChargesHandler waivers, ApprovalService approvals)
{
    public sealed record Proposal(ChargeWaiverPlan Plan, ApprovalService.ApprovalView Approval);

    public async Task<CommandResult<Proposal>> ProposeAsync(Actor actor, Guid loanId, WaiveChargesRequest request, CancellationToken ct)
    {
        var planned = await waivers.PlanAsync(actor, loanId, request, ct).ConfigureAwait(false);
        if (planned.Value is not { } plan)
        {
            return planned.Refusal<Proposal>();
        }

        var summary = RecordNote.Of(FormattableString.Invariant($"waive {plan.Amount:0.00} of late charges on loan {loanId} (penalty {plan.Penalty:0.00}, late fees {plan.LateFees:0.00})"),
            ("loanId", loanId.ToString()), ("amount", RecordNote.Amount(plan.Amount)), ("penalty", RecordNote.Amount(plan.Penalty)), ("lateFees", RecordNote.Amount(plan.LateFees)));
        // The approver waives what was proposed, not whatever is owed by then: the amount and the charges it takes off are fixed now.
        var asked = await approvals.RequestAsync(actor, WaiveChargesHandler.Action, loanId.ToString(), new ProposedWaiver(request with { Amount = plan.Amount }, plan.Parts), summary, plan.Reason, ct).ConfigureAwait(false);
        return asked.Value is { } approval ? CommandResult<Proposal>.Ok(new Proposal(plan, approval)) : asked.Refusal<Proposal>();
    }
}
