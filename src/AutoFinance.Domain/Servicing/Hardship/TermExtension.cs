using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Domain.Servicing.Hardship;

/// <summary>A term extension: the outstanding principal is re-amortised over more instalments, so each is smaller.</summary>
/// <remarks>
/// The new schedule starts at the last paid due date and keeps the next due date, rate, method and day count; it has
/// the remaining instalments plus the extra months, the numbering continued. Nothing is capitalised (interest is paid
/// as it falls due) and nothing needs posting beyond replacing the unpaid instalments. The longest term allowed is the
/// schedule validator's (120 months).
/// </remarks>
public static class TermExtension
{
    public static HardshipResult Apply(RepaymentSchedule schedule, int installmentsPaid, int extraMonths)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var errors = new List<FieldError>();
        if (RemainderTerms.CheckPaid(schedule, installmentsPaid) is { } paidError)
        {
            errors.Add(paidError);
        }

        if (extraMonths < 1)
        {
            errors.Add(new FieldError("extraMonths", "must be at least 1"));
        }

        if (errors.Count > 0)
        {
            return HardshipResult.Invalid(errors);
        }

        var terms = schedule.Terms;
        var outstanding = schedule.BalanceAfter(installmentsPaid);
        var newTerms = RemainderTerms.For(
            schedule,
            installmentsPaid,
            outstanding,
            schedule.LastPaidDate(installmentsPaid),
            schedule.Installments[installmentsPaid].DueDate,
            schedule.Count - installmentsPaid + extraMonths,
            terms.NumberOffset + installmentsPaid);
        return RemainderTerms.Build(schedule, installmentsPaid, newTerms, outstanding, 0m, [], "extraMonths");
    }
}
