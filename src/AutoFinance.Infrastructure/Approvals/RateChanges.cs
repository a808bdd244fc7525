using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Application.Servicing.ChangeRate;

namespace AutoFinance.Infrastructure.Approvals;

/// <summary>
/// Lower rates on loans: proposing one checks it in full against the loan as it stands and asks a second person through
/// <see cref="ApprovalService"/>; the rate changes (and the customer is told) only when someone else approves.
/// </summary>
public sealed class RateChanges(ChangeRateHandler rates, ApprovalService approvals)
{
    public sealed record Proposal(RateChangePlan Plan, ApprovalService.ApprovalView Approval);

    public async Task<CommandResult<Proposal>> ProposeAsync(Actor actor, Guid loanId, ChangeRateRequest request, CancellationToken ct)
    {
        var planned = await rates.PlanAsync(actor, loanId, request, ct).ConfigureAwait(false);
        if (planned.Value is not { } plan)
        {
            return planned.Refusal<Proposal>();
        }

        var summary = RecordNote.Of(FormattableString.Invariant($"lower loan {loanId}'s rate from {plan.PreviousRatePercent:0.00##}% to {plan.NewRatePercent:0.00##}% from {plan.EffectiveOn:yyyy-MM-dd}"),
            ("loanId", loanId.ToString()), ("from", RecordNote.Percent(plan.PreviousRatePercent)), ("to", RecordNote.Percent(plan.NewRatePercent)), ("on", RecordNote.Date(plan.EffectiveOn)));
        var asked = await approvals.RequestAsync(actor, ChangeRateHandler.Action, loanId.ToString(), request with { EffectiveOn = plan.EffectiveOn }, summary, plan.Reason, ct).ConfigureAwait(false);
        return asked.Value is { } approval ? CommandResult<Proposal>.Ok(new Proposal(plan, approval)) : asked.Refusal<Proposal>();
    }
}
