using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Domain.Payoff;

/// <summary>
/// A partial prepayment made on a due date, right after the instalment due that day, and the schedule it leaves.
/// </summary>
/// <remarks>
/// The remaining balance less the prepaid principal becomes the principal of a new schedule that starts on the
/// last paid due date, keeps the method, rate and day count, and continues the instalment numbering. Keep-term keeps
/// the number of remaining instalments (the payment is solved again). Keep-payment keeps the level payment (annuity)
/// or level principal part (equal principal) and shortens the term to the fewest instalments that repay the balance;
/// the last one takes what remains. The prepayment fee is charged on the principal prepaid, by product rule.
/// </remarks>
public static class PartialPrepayment
{
    public static ReamortisationResult Apply(
        RepaymentSchedule schedule,
        int installmentsPaid,
        decimal amount,
        ReamortisationMode mode,
        Products.PrepaymentTerms? prepayment = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var terms = schedule.Terms;
        if (installmentsPaid < 0 || installmentsPaid >= schedule.Count)
        {
            return ReamortisationResult.Invalid(new FieldError("installmentsPaid", $"must be between 0 and {schedule.Count - 1}"));
        }

        var balance = schedule.BalanceAfter(installmentsPaid);
        if (amount <= 0m || terms.Currency.Round(amount) != amount)
        {
            return ReamortisationResult.Invalid(new FieldError("amount", "must be a positive amount in whole minor units"));
        }

        if (amount >= balance)
        {
            return ReamortisationResult.Invalid(new FieldError("amount", $"must be less than the outstanding principal {balance}; a full repayment is a payoff"));
        }

        if (mode == ReamortisationMode.KeepPayment && terms.Method is not (RepaymentMethod.Annuity or RepaymentMethod.EqualPrincipal))
        {
            return ReamortisationResult.Invalid(new FieldError("mode", "keeping the payment applies to annuity and equal-principal loans; keep the term instead"));
        }

        var fee = PayoffCalculator.PrepaymentFee(terms, prepayment ?? Products.PrepaymentTerms.None, amount, schedule.LastPaidDate(installmentsPaid));
        var remainingPrincipal = balance - amount;
        var remainingTerm = schedule.Count - installmentsPaid;
        var start = schedule.LastPaidDate(installmentsPaid);
        var nextDue = schedule.Installments[installmentsPaid].DueDate;
        var newTerms = terms with
        {
            Principal = remainingPrincipal,
            Bundles = [],
            UpfrontFee = 0m,
            StartDate = start,
            FirstDueDate = nextDue,
            TermMonths = remainingTerm,
            BalloonFraction = terms.Method == RepaymentMethod.Balloon ? Math.Min(terms.BalloonAmount / remainingPrincipal, 0.99m) : 0m,
            // A spread flat fee keeps billing what was left of it, as a share of the remaining principal.
            FlatFee = schedule.Terms.FlatFee is { } flatFee
                ? FlatFee.TotalPercent(schedule.FeesAfter(installmentsPaid) / remainingPrincipal * 100m, flatFee.Timing)
                : null,
            NumberOffset = terms.NumberOffset + installmentsPaid,
            FixedInstallment = null,
        };

        if (mode == ReamortisationMode.KeepPayment)
        {
            var level = schedule.LevelAmount;
            newTerms = newTerms with
            {
                TermMonths = ShortenedTerm(newTerms, level, remainingTerm),
                FixedInstallment = level,
            };
        }

        return ReamortisationResult.Of(ScheduleBuilder.Build(newTerms), amount, fee);
    }

    /// <summary>The fewest instalments at the kept level amount that repay the remaining principal.</summary>
    private static int ShortenedTerm(LoanTerms terms, decimal level, int maxTerm)
    {
        for (var term = 1; term < maxTerm; term++)
        {
            var last = ScheduleBuilder.Build(terms with { TermMonths = term, FixedInstallment = level }).Last;
            var lastLevelPart = terms.Method == RepaymentMethod.Annuity ? last.Principal + last.Interest : last.Principal;
            if (lastLevelPart <= level)
            {
                return term;
            }
        }

        return maxTerm;
    }
}
