using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Domain.Payoff;

/// <summary>Payoff quotes: outstanding principal, interest accrued to the payoff date, and fees by product rule.</summary>
public static class PayoffCalculator
{
    /// <summary>
    /// Quotes the payoff of <paramref name="schedule"/> on <paramref name="on"/> after <paramref name="installmentsPaid"/> instalments.
    /// </summary>
    /// <remarks>
    /// Interest = round(outstanding principal × annual rate × year fraction) from the last paid due date (the start
    /// date when none is paid) to the payoff date under <paramref name="dayCount"/>. Fees = the prepayment fee (a
    /// fraction of the principal repaid early, while within the product's fee window) plus, when the product says
    /// so, a spread flat fee not yet billed. A loan with every instalment paid pays off at zero.
    /// </remarks>
    public static PayoffResult Quote(
        RepaymentSchedule schedule,
        int installmentsPaid,
        DateOnly on,
        DayCountConvention dayCount,
        PrepaymentTerms? prepayment = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        prepayment ??= PrepaymentTerms.None;
        if (installmentsPaid < 0 || installmentsPaid > schedule.Count)
        {
            return PayoffResult.Invalid(new FieldError("installmentsPaid", $"must be between 0 and {schedule.Count}"));
        }

        var from = schedule.LastPaidDate(installmentsPaid);
        if (on < from)
        {
            return PayoffResult.Invalid(new FieldError("on", $"must be on or after {from:yyyy-MM-dd}, the date interest was last paid to"));
        }

        var terms = schedule.Terms;
        var currency = terms.Currency;
        var principal = schedule.BalanceAfter(installmentsPaid);
        if (principal == 0m)
        {
            return PayoffResult.Of(new PayoffQuote(on, 0m, 0m, 0m, from));
        }

        var accrued = ExactInterest.Of(terms.AnnualRate, YearFraction.Between(dayCount, from, on));
        var interest = currency.FromMinorUnits(accrued.Apply(currency.ToMinorUnits(principal)));
        var fees = PrepaymentFee(terms, prepayment, principal, on) + (prepayment.UnearnedFlatFeeDue ? schedule.FeesAfter(installmentsPaid) : 0m);
        return PayoffResult.Of(new PayoffQuote(on, principal, interest, fees, from));
    }

    /// <summary>The prepayment fee on <paramref name="principalRepaid"/> repaid early on <paramref name="on"/>, by product rule.</summary>
    public static decimal PrepaymentFee(LoanTerms terms, PrepaymentTerms prepayment, decimal principalRepaid, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(prepayment);
        var inWindow = prepayment.FeeWithinMonths is not { } months || on < terms.StartDate.AddMonths(months);
        return inWindow ? terms.Currency.Round(principalRepaid * prepayment.FeeFraction) : 0m;
    }
}
