using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Application.Servicing.GrantHardship;

/// <summary>
/// A hardship plan granted by staff through the loan aggregate (<see cref="Loan.GrantHardship"/>): a payment holiday
/// (interest capitalised), a term extension, or a re-amortisation from today. The plan is recorded with the schedule
/// it replaced.
/// </summary>
public sealed class GrantHardshipHandler(ILoanStore loans, TimeProvider time)
{
    public async Task<CommandResult<HardshipPlan>> HandleAsync(Actor actor, Guid loanId, GrantHardshipRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var loan = actor.IsStaff ? await loans.LoadAsync(loanId, LoanLoad.WithHistory, ct).ConfigureAwait(false) : null;
        if (loan is null)
        {
            return CommandResult<HardshipPlan>.NotFound();
        }

        var (valid, errors) = GrantHardshipValidator.Validate(request);
        if (valid is null)
        {
            return CommandResult<HardshipPlan>.Invalid(errors);
        }

        var aggregate = loan.Aggregate;
        if (aggregate.Status != LoanStatus.Active)
        {
            return CommandResult<HardshipPlan>.From(ServicingError.NotActive(aggregate.Status));
        }

        var before = Json.Serialize(aggregate.Installments.Where(i => !i.IsPaid).Select(i => i.Plan).ToList());
        var today = BusinessDay.Today(time);
        var longest = await loans.LongestTermMonthsAsync(loanId, ct).ConfigureAwait(false);
        var granted = aggregate.GrantHardship(valid.Plan, valid.Count, today, $"{valid.Kind} granted", longest);
        if (!granted.Succeeded)
        {
            return CommandResult<HardshipPlan>.From(granted.Error!);
        }

        var adjustment = granted.Value!;
        var now = time.GetUtcNow();
        var record = new HardshipRecord(Guid.CreateVersion7(now), valid.Kind, Json.Serialize(new { request.Installments, request.Months, valid.Reason }), before, today, actor.AuditName);
        var audit = new LoanAudit(actor.AuditName, "loan.hardship", new { record.Id, kind = valid.Kind, capitalised = adjustment.CapitalisedInterest, adjustment.NewPayment, adjustment.NewMaturity });
        var changes = new LoanChanges(loan, granted.Entries, audit, now) { PostedBy = actor.AuditName, Hardship = record, Notices = [Notice(loan, valid.Kind, record.Id, adjustment.NewPayment, adjustment.NewMaturity)] };
        if (await loans.SaveAsync(changes, ct).ConfigureAwait(false) != SaveOutcome.Saved)
        {
            return CommandResult<HardshipPlan>.Conflict("the loan changed while the plan was being applied; try again", "record.changed");
        }

        return CommandResult<HardshipPlan>.Ok(new HardshipPlan(record.Id, loanId, valid.Kind, adjustment.OutstandingPrincipal, adjustment.CapitalisedInterest, adjustment.PreviousPayment,
            adjustment.NewPayment, adjustment.PreviousMaturity, adjustment.NewMaturity, aggregate.Installments.Count(i => !i.IsPaid)));
    }

    /// <summary>The customer's notice of the new terms: a term extension is a change of term, the other plans a hardship plan.</summary>
    private static Notice Notice(ServicedLoan loan, string kind, Guid planId, decimal newPayment, DateOnly newMaturity)
    {
        var plan = kind switch
        {
            GrantHardshipValidator.Holiday => new NoticeText("还款假期", "payment holiday"),
            GrantHardshipValidator.Extension => new NoticeText("延长期限", "term extension"),
            _ => new NoticeText("重新分期", "re-amortisation"),
        };
        return new Notice(kind == GrantHardshipValidator.Extension ? NoticeEvent.TermChanged : NoticeEvent.HardshipPlanGranted, loan.CustomerId, loan.Id, planId.ToString(),
            new Dictionary<string, object> { ["plan"] = plan, ["amount"] = newPayment, ["maturity"] = newMaturity });
    }
}
