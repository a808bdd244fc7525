using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Domain.Servicing.Hardship;

/// <summary>A payment holiday: the next instalments are skipped and the loan runs on after them, longer by as many months.</summary>
/// <remarks>
/// Interest is capitalised (the one treatment this plan offers): the interest on the outstanding principal from the
/// last paid due date to the due date of the last skipped instalment — at the contract rate, by the loan's own accrual
/// convention, simple (not compounded month by month) and rounded once — is added to the principal. The skipped
/// instalments keep their numbers and due dates and owe nothing. The remaining instalments, as many as before the
/// holiday, are re-amortised on the new principal from the end of the holiday: first due one month after it, the
/// numbering continued, the maturity later by the months skipped, the payment a little higher (it now carries the
/// capitalised interest). A balloon keeps its amount; a spread flat fee still to bill is re-spread.
/// </remarks>
public static class PaymentHoliday
{
    public static HardshipResult Apply(RepaymentSchedule schedule, int installmentsPaid, int installmentsSkipped)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var errors = new List<FieldError>();
        if (RemainderTerms.CheckPaid(schedule, installmentsPaid) is { } paidError)
        {
            errors.Add(paidError);
        }

        if (installmentsSkipped < 1)
        {
            errors.Add(new FieldError("installmentsSkipped", "must be at least 1"));
        }

        if (errors.Count > 0)
        {
            return HardshipResult.Invalid(errors);
        }

        var terms = schedule.Terms;
        var skipped = Enumerable.Range(0, installmentsSkipped)
            .Select(j => new SkippedInstallment(terms.NumberOffset + installmentsPaid + j + 1, terms.DueDate(installmentsPaid + j + 1)))
            .ToArray();
        var holidayEnd = skipped[^1].DueDate;
        var outstanding = schedule.BalanceAfter(installmentsPaid);
        var capitalised = RemainderTerms.Interest(terms, outstanding, schedule.LastPaidDate(installmentsPaid), holidayEnd);
        var newTerms = RemainderTerms.For(
            schedule,
            installmentsPaid,
            outstanding + capitalised,
            holidayEnd,
            terms.DueDate(installmentsPaid + installmentsSkipped + 1),
            schedule.Count - installmentsPaid,
            terms.NumberOffset + installmentsPaid + installmentsSkipped);
        return RemainderTerms.Build(schedule, installmentsPaid, newTerms, outstanding, capitalised, skipped, "installmentsSkipped");
    }
}
