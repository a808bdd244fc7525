using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Domain.Payoff;

/// <summary>
/// Payoff quotes on schedule terms alone (the <c>payoff</c> command): the loan aggregate with the first instalments paid
/// on their due dates, quoted by <see cref="Servicing.Loans.Loan.Quote"/> — the same rule a booked loan is paid off by.
/// </summary>
public static class PayoffCalculator
{
    /// <summary>
    /// Quotes the payoff of <paramref name="schedule"/> on <paramref name="on"/> after <paramref name="installmentsPaid"/> instalments.
    /// </summary>
    /// <remarks>
    /// Principal = all principal unpaid. Interest = the interest of instalments fallen due by the date and unpaid, plus
    /// the running period's interest accrued to the date: round(I × t(period start, on) / t(period start, due date))
    /// under <paramref name="dayCount"/> (<see cref="Servicing.Accrual.AccrualPeriod"/>). Fees = the prepayment fee (a
    /// fraction of the principal repaid early, while within the product's fee window) plus, when the product says so,
    /// a spread flat fee not yet billed. Instalments after the first <paramref name="installmentsPaid"/> that fell due
    /// before the date are unpaid, so they owe the late fee and penalty interest of the default late-charge terms, as
    /// a booked loan would. A loan with every instalment paid pays off at zero.
    /// </remarks>
    public static PayoffResult Quote(
        RepaymentSchedule schedule,
        int installmentsPaid,
        DateOnly on,
        DayCountConvention dayCount,
        PrepaymentTerms? prepayment = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (installmentsPaid < 0 || installmentsPaid > schedule.Count)
        {
            return PayoffResult.Invalid(new FieldError("installmentsPaid", $"must be between 0 and {schedule.Count}"));
        }

        var from = schedule.LastPaidDate(installmentsPaid);
        if (on < from)
        {
            return PayoffResult.Invalid(new FieldError("on", $"must be on or after {from:yyyy-MM-dd}, the date interest was last paid to"));
        }

        var servicing = Servicing.Loans.ServicingTerms.Default with { Prepayment = prepayment ?? PrepaymentTerms.None };
        var loan = Servicing.Loans.Loan.PaidTo(schedule.Terms with { DayCount = dayCount }, installmentsPaid, servicing);
        var quoted = loan.Quote(on);
        if (quoted.Error is { } refused)
        {
            return PayoffResult.Invalid(new FieldError("on", refused.Message, refused.Code, refused.Parameters));
        }

        var statement = quoted.Value!;
        return PayoffResult.Of(new PayoffQuote(on, statement.Principal, statement.Interest, statement.Fees, statement.InterestFrom));
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
