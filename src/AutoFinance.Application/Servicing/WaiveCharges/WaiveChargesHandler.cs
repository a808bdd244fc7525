using AutoFinance.Application.Approvals;
using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Application.Servicing.WaiveCharges;

/// <summary>
/// Late charges waived on a loan through the aggregate (<see cref="Loan.WaiveLateCharges"/>): a concession that gives
/// up the lender's income, so it is asked for by one person (<see cref="PlanAsync"/>: checked in full on a copy of the
/// loan, nothing saved) and made by a second who approves it (<see cref="ApplyAsync"/>): the charges taken off, the
/// income reversed, and the customer told, in one transaction.
/// </summary>
public sealed class WaiveChargesHandler(ILoanStore loans, TimeProvider time)
{
    /// <summary>The approval action a waiver waits under.</summary>
    public const string Action = "loan.charge-waiver";

    /// <summary>The penalty interest and late fees the loan owes now, for staff (null when the loan is not theirs to see).</summary>
    public async Task<ChargesOwed?> OwedAsync(Actor actor, Guid loanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var loan = actor.IsStaff ? await loans.LoadAsync(loanId, LoanLoad.ForQuote, ct).ConfigureAwait(false) : null;
        return loan is null ? null : new ChargesOwed(loan.Aggregate.Installments.Sum(i => i.PenaltyOwed), loan.Aggregate.Installments.Sum(i => i.LateFeeOwed));
    }

    /// <summary>Checks the waiver and says what it would do; nothing is saved.</summary>
    public async Task<CommandResult<ChargeWaiverPlan>> PlanAsync(Actor actor, Guid loanId, WaiveChargesRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var loan = actor.IsStaff ? await loans.LoadAsync(loanId, LoanLoad.ForQuote, ct).ConfigureAwait(false) : null;
        return loan is null ? CommandResult<ChargeWaiverPlan>.NotFound() : Try(loan.Aggregate.Copy(), loanId, request).Result;
    }

    /// <summary>
    /// Makes the approved waiver as <paramref name="approver"/>; <paramref name="requestedBy"/> asked for it. It takes
    /// off exactly the charges it was proposed for: should the loan's charges have changed since (paid, or others
    /// fallen due), it is refused, to be proposed again.
    /// </summary>
    public async Task<CommandResult<ChargeWaiverPlan>> ApplyAsync(Actor approver, Guid loanId, ProposedWaiver proposed, string requestedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(approver);
        ArgumentNullException.ThrowIfNull(proposed);
        var request = proposed.Request;
        var loan = await loans.LoadAsync(loanId, LoanLoad.ForPosting, ct).ConfigureAwait(false);
        if (loan is null)
        {
            return CommandResult<ChargeWaiverPlan>.NotFound();
        }

        var (result, entries) = Try(loan.Aggregate, loanId, request);
        if (result.Value is not { } plan)
        {
            return result;
        }

        if (!plan.Parts.SequenceEqual(proposed.Parts))
        {
            return CommandResult<ChargeWaiverPlan>.Conflict("the loan's late charges changed since the waiver was proposed; propose it again", "waiver.charges-changed");
        }

        var now = time.GetUtcNow();
        var audit = new LoanAudit(approver.AuditName, "loan.charges-waived", new { plan.Amount, plan.Penalty, plan.LateFees, plan.ChargesLeft, plan.Reason, RequestedBy = requestedBy });
        var notice = new Notice(NoticeEvent.ChargesWaived, loan.CustomerId, loan.Id, Guid.CreateVersion7(now).ToString(), new Dictionary<string, object>
        {
            ["amount"] = plan.Amount,
            ["left"] = plan.ChargesLeft,
        });
        var changes = new LoanChanges(loan, entries, audit, now) { PostedBy = approver.AuditName, Notices = [notice] };
        return await loans.SaveAsync(changes, ct).ConfigureAwait(false) == SaveOutcome.Saved
            ? result
            : CommandResult<ChargeWaiverPlan>.Conflict("the loan changed while the charges were being waived; try again", IdempotentReplies.Changed);
    }

    private (CommandResult<ChargeWaiverPlan> Result, IReadOnlyList<Domain.Servicing.JournalEntry> Entries) Try(Loan aggregate, Guid loanId, WaiveChargesRequest request)
    {
        var reason = request.Reason?.Trim();
        var reasonProblem = reason is { Length: >= 3 and <= ApprovalReasons.Longest } ? null
            : new Domain.Validation.FieldError("reason", $"must say why, in 3 to {ApprovalReasons.Longest} characters", "field.length", ApprovalReasons.Figures);

        // Without a reason nothing is waived, but the amount is still checked, on a copy, so both are told at once.
        // The reason stays with the approval and the audit trail, not in the ledger's permanent description.
        var waived = (reasonProblem is null ? aggregate : aggregate.Copy()).WaiveLateCharges(BusinessDay.Today(time), request.Amount, "Late charges waived on approval");
        if (reasonProblem is not null)
        {
            return (CommandResult<ChargeWaiverPlan>.Invalid(
                waived.Error is { IsConflict: false } amount ? [reasonProblem, new(amount.Field, amount.Message, amount.Code, amount.Parameters)] : [reasonProblem]), []);
        }

        if (!waived.Succeeded)
        {
            return (CommandResult<ChargeWaiverPlan>.From(waived.Error!), []);
        }

        var w = waived.Value!;
        return (CommandResult<ChargeWaiverPlan>.Ok(new ChargeWaiverPlan(loanId, w.Total, w.Penalty, w.LateFees, w.ChargesLeft, w.Closed, reason!, w.Parts)), waived.Entries);
    }
}
