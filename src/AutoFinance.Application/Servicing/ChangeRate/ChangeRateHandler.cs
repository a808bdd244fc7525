using System.Globalization;
using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Application.Servicing.ChangeRate;

/// <summary>
/// A lower rate on a loan through the aggregate (<see cref="Loan.ChangeRate"/>). It lowers the lender's income, so it
/// is asked for by one person (<see cref="PlanAsync"/>: checked in full on a copy of the loan, nothing saved) and made
/// by the second who approves it (<see cref="ApplyAsync"/>): the new schedule, the accrual brought to the new rate,
/// the change recorded with the schedule it replaced, and the customer's notice, in one transaction.
/// </summary>
public sealed class ChangeRateHandler(ILoanStore loans, TimeProvider time)
{
    /// <summary>The approval action a rate change waits under.</summary>
    public const string Action = "loan.rate-change";

    /// <summary>The kind a rate change is recorded as among the loan's re-plans.</summary>
    public const string Kind = "rate-change";

    /// <summary>Checks the change and says what it would do; nothing is saved.</summary>
    public async Task<CommandResult<RateChangePlan>> PlanAsync(Actor actor, Guid loanId, ChangeRateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var loan = actor.IsStaff ? await loans.LoadAsync(loanId, LoanLoad.ForQuote, ct).ConfigureAwait(false) : null;
        return loan is null ? CommandResult<RateChangePlan>.NotFound() : Try(loan.Aggregate.Copy(), loanId, request).Result;
    }

    /// <summary>Makes the approved change as <paramref name="approver"/>; <paramref name="requestedBy"/> asked for it.</summary>
    public async Task<CommandResult<RateChangePlan>> ApplyAsync(Actor approver, Guid loanId, ChangeRateRequest request, string requestedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(approver);
        ArgumentNullException.ThrowIfNull(request);
        var loan = await loans.LoadAsync(loanId, LoanLoad.WithHistory, ct).ConfigureAwait(false);
        if (loan is null)
        {
            return CommandResult<RateChangePlan>.NotFound();
        }

        var before = Json.Serialize(loan.Aggregate.Installments.Where(i => !i.IsPaid).Select(i => i.Plan).ToList());
        var (result, entries) = Try(loan.Aggregate, loanId, request);
        if (result.Value is not { } plan)
        {
            return result;
        }

        var now = time.GetUtcNow();
        var record = new HardshipRecord(Guid.CreateVersion7(now), Kind,
            Json.Serialize(new { plan.PreviousRatePercent, plan.NewRatePercent, plan.EffectiveOn, plan.Reason, RequestedBy = requestedBy }), before, BusinessDay.Today(time), approver.AuditName);
        var audit = new LoanAudit(approver.AuditName, "loan.rate-changed", new { record.Id, plan.PreviousRatePercent, plan.NewRatePercent, plan.EffectiveOn, plan.NewPayment, RequestedBy = requestedBy });
        var notice = new Notice(NoticeEvent.RateChanged, loan.CustomerId, loan.Id, record.Id.ToString(), new Dictionary<string, object>
        {
            ["rate"] = plan.NewRatePercent.ToString("0.00##", CultureInfo.InvariantCulture) + "%",
            ["effectiveOn"] = plan.EffectiveOn,
            ["amount"] = plan.NewPayment,
        });
        var changes = new LoanChanges(loan, entries, audit, now) { PostedBy = approver.AuditName, Hardship = record, Notices = [notice] };
        return await loans.SaveAsync(changes, ct).ConfigureAwait(false) == SaveOutcome.Saved
            ? result
            : CommandResult<RateChangePlan>.Conflict("the loan changed while the rate was being changed; try again", "record.changed");
    }

    private (CommandResult<RateChangePlan> Result, IReadOnlyList<Domain.Servicing.JournalEntry> Entries) Try(Loan aggregate, Guid loanId, ChangeRateRequest request)
    {
        var reason = request.Reason?.Trim();
        var errors = new List<Domain.Validation.FieldError>();
        var current = aggregate.Terms.AnnualRate * 100m;
        if (request.AnnualRatePercent is not { } percent || percent < 0m || percent >= current)
        {
            errors.Add(new("annualRatePercent", string.Create(CultureInfo.InvariantCulture, $"must be a lower rate than the {current:0.00##}% in force, zero or more (a higher rate needs the customer's agreement to new terms)")));
        }

        if (reason is not { Length: >= 3 and <= Approvals.ApprovalReasons.Longest })
        {
            errors.Add(new("reason", $"must say why, in 3 to {Approvals.ApprovalReasons.Longest} characters", "field.length", Approvals.ApprovalReasons.Figures));
        }

        if (errors.Count > 0)
        {
            return (CommandResult<RateChangePlan>.Invalid(errors), []);
        }

        if (aggregate.Status != LoanStatus.Active)
        {
            return (CommandResult<RateChangePlan>.From(ServicingError.NotActive(aggregate.Status)), []);
        }

        var today = BusinessDay.Today(time);
        var effectiveOn = request.EffectiveOn ?? aggregate.Installments.LastOrDefault(i => i.FallenDue)?.DueDate ?? aggregate.Terms.StartDate;
        var changed = aggregate.ChangeRate(Math.Round(request.AnnualRatePercent!.Value / 100m, 12), effectiveOn, today, $"rate change to {request.AnnualRatePercent}%");
        if (!changed.Succeeded)
        {
            return (CommandResult<RateChangePlan>.From(changed.Error!), []);
        }

        var c = changed.Value!;
        return (CommandResult<RateChangePlan>.Ok(new RateChangePlan(loanId, c.PreviousRate * 100m, c.NewRate * 100m, c.EffectiveOn, c.Principal, c.PreviousPayment, c.NewPayment, c.Maturity, c.Installments, reason!)), changed.Entries);
    }
}
