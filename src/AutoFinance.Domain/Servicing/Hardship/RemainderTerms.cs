using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Domain.Servicing.Hardship;

/// <summary>
/// The terms of a schedule for what remains of a loan, as a partial prepayment builds them: same method, rate, day
/// count and accrual; a new principal, start, first due date and term; the numbering continued; a balloon kept at its
/// amount; a spread flat fee still to bill re-spread over the new instalments.
/// </summary>
internal static class RemainderTerms
{
    public static LoanTerms For(RepaymentSchedule schedule, int installmentsPaid, decimal principal, DateOnly start, DateOnly firstDue, int term, int numberOffset)
    {
        var terms = schedule.Terms;
        return terms with
        {
            Principal = principal,
            Bundles = [],
            UpfrontFee = 0m,
            StartDate = start,
            FirstDueDate = firstDue,
            TermMonths = term,
            BalloonFraction = terms.Method == RepaymentMethod.Balloon ? Math.Min(terms.BalloonAmount / principal, 0.99m) : 0m,
            FlatFee = terms.FlatFee is { } flatFee
                ? FlatFee.TotalPercent(schedule.FeesAfter(installmentsPaid) / principal * 100m, flatFee.Timing)
                : null,
            NumberOffset = numberOffset,
            FixedInstallment = null,
        };
    }

    /// <summary>Interest on <paramref name="principal"/> from <paramref name="from"/> to <paramref name="to"/> by the loan's own convention (whole months at rate/12 and odd days by the day count, or the day count throughout), rounded once.</summary>
    public static decimal Interest(LoanTerms terms, decimal principal, DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return 0m;
        }

        var factor = ScheduleBuilder.FirstPeriodInterest(terms with { StartDate = from }, to);
        return terms.Currency.FromMinorUnits(factor.Apply(terms.Currency.ToMinorUnits(principal)));
    }

    /// <summary>Checks that <paramref name="installmentsPaid"/> leaves at least one instalment to re-plan.</summary>
    public static FieldError? CheckPaid(RepaymentSchedule schedule, int installmentsPaid) =>
        installmentsPaid < 0 || installmentsPaid >= schedule.Count
            ? new FieldError("installmentsPaid", $"must be between 0 and {schedule.Count - 1}")
            : null;

    /// <summary>Builds the new schedule and its adjustment, or names what is wrong with the new terms (<paramref name="termField"/> for the term).</summary>
    public static HardshipResult Build(
        RepaymentSchedule schedule,
        int installmentsPaid,
        LoanTerms newTerms,
        decimal outstanding,
        decimal capitalised,
        IReadOnlyList<SkippedInstallment> skipped,
        string termField)
    {
        var errors = LoanTermsValidator.Validate(newTerms)
            .Select(error => error.Field == "term" ? error with { Field = termField } : error)
            .ToList();
        if (errors.Count > 0)
        {
            return HardshipResult.Invalid(errors);
        }

        var rebuilt = ScheduleBuilder.Build(newTerms);
        return HardshipResult.Of(rebuilt, new HardshipAdjustment(
            outstanding,
            capitalised,
            skipped,
            schedule.Installments[installmentsPaid].Payment,
            rebuilt.Installments[0].Payment,
            schedule.Last.DueDate,
            rebuilt.Last.DueDate));
    }

    public static bool IsWholeMinorUnits(decimal amount, Currency currency) => currency.Round(amount) == amount;
}
