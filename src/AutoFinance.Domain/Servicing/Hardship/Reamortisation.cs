using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Domain.Servicing.Hardship;

/// <summary>
/// A re-amortisation (rescheduling) from a date: the outstanding principal and the interest unpaid to that date become
/// the principal of a new schedule of the term asked for, first due a month later.
/// </summary>
/// <remarks>
/// The interest unpaid is the interest on the balance after the last fully paid instalment, from its due date to
/// <c>from</c> by the loan's accrual convention and rounded once, less <c>interestPaidSince</c> (interest already
/// received towards the later instalments). It is capitalised. <c>principalPaidSince</c> (principal already received
/// towards the later instalments) lowers the principal re-amortised. Missed instalments are absorbed by the new
/// schedule, whose numbering continues after the last fully paid instalment. Fees and penalty interest due are not
/// capitalised: they stay due (or are waived by a separate decision).
/// </remarks>
public static class Reamortisation
{
    public static HardshipResult Apply(
        RepaymentSchedule schedule,
        int installmentsPaid,
        DateOnly from,
        int termMonths,
        decimal principalPaidSince = 0m,
        decimal interestPaidSince = 0m,
        DateOnly? firstDue = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var terms = schedule.Terms;
        var currency = terms.Currency;
        var errors = new List<FieldError>();
        if (RemainderTerms.CheckPaid(schedule, installmentsPaid) is { } paidError)
        {
            return HardshipResult.Invalid([paidError]);
        }

        var lastPaid = schedule.LastPaidDate(installmentsPaid);
        var balance = schedule.BalanceAfter(installmentsPaid);
        if (from < lastPaid)
        {
            errors.Add(new FieldError("from", $"must be on or after {lastPaid:yyyy-MM-dd}, the date interest was last paid to"));
        }

        if (principalPaidSince < 0m || !RemainderTerms.IsWholeMinorUnits(principalPaidSince, currency) || principalPaidSince >= balance)
        {
            errors.Add(new FieldError("principalPaidSince", $"must be zero or more in whole minor units and less than the balance {balance}"));
        }

        if (interestPaidSince < 0m || !RemainderTerms.IsWholeMinorUnits(interestPaidSince, currency))
        {
            errors.Add(new FieldError("interestPaidSince", "must be zero or more in whole minor units"));
        }

        if (errors.Count > 0)
        {
            return HardshipResult.Invalid(errors);
        }

        var accrued = RemainderTerms.Interest(terms, balance, lastPaid, from);
        if (interestPaidSince > accrued)
        {
            return HardshipResult.Invalid([new FieldError("interestPaidSince", $"must not exceed the interest accrued to {from:yyyy-MM-dd}, {accrued}")]);
        }

        var outstanding = balance - principalPaidSince;
        var capitalised = accrued - interestPaidSince;
        var newTerms = RemainderTerms.For(
            schedule,
            installmentsPaid,
            outstanding + capitalised,
            from,
            firstDue ?? from.AddMonths(1),
            termMonths,
            terms.NumberOffset + installmentsPaid);
        return RemainderTerms.Build(schedule, installmentsPaid, newTerms, outstanding, capitalised, [], "termMonths");
    }
}
