using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Rates;

/// <summary>
/// The annualised cost of a schedule from its real cash flows: the net advance (loan principal less charges paid at
/// signing) on the start date, then every instalment on its due date.
/// </summary>
/// <param name="AprPercent">Periodic (monthly) IRR × 12: the actuarial APR of Regulation Z Appendix J, and the simple
/// annualisation China's disclosure rule asks for.</param>
/// <param name="EffectiveAnnualPercent">(1 + monthly IRR)^12 − 1: the compounded annual rate.</param>
public readonly record struct AnnualisedRates(decimal AprPercent, decimal EffectiveAnnualPercent, double MonthlyRate)
{
    /// <summary>
    /// Computes the rates of a monthly schedule. The first due date is placed by Appendix J's month counting (whole
    /// months back from it, odd days / 30 as a fraction); every later instalment is one more whole month on, with
    /// the same fraction, as Appendix J treats a series of monthly payments.
    /// </summary>
    public static AnnualisedRates Of(RepaymentSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return Of(schedule.Terms, schedule.Rows);
    }

    /// <summary>The rates of the schedule <paramref name="terms"/> built as <paramref name="rows"/>.</summary>
    internal static AnnualisedRates Of(LoanTerms terms, ReadOnlySpan<Installment> rows)
    {
        Span<TimedFlow> flows = rows.Length <= 240 ? stackalloc TimedFlow[rows.Length + 1] : new TimedFlow[rows.Length + 1];
        flows[0] = new TimedFlow((double)terms.AmountFinanced, 0, 0);
        var (firstPeriods, fraction) = AppendixJ.Measure(UnitPeriod.Month, terms.StartDate, rows[0].DueDate);
        var lastPayment = decimal.MinValue;
        var lastAmount = 0.0;
        for (var k = 0; k < rows.Length; k++)
        {
            var payment = rows[k].Payment;
            if (payment != lastPayment)
            {
                lastPayment = payment;
                lastAmount = -(double)payment;
            }

            flows[k + 1] = new TimedFlow(lastAmount, firstPeriods + k, fraction);
        }

        var solution = IrrSolver.Solve(flows, (double)(terms.AnnualRate / 12m));
        if (!solution.Found)
        {
            throw new InvalidOperationException("A valid schedule always has a rate: " + solution.Problem);
        }

        var rates = AprResult.Of(solution.PeriodicRate, UnitPeriod.Month);
        return new AnnualisedRates(rates.AprPercent, rates.EffectiveAnnualPercent, solution.PeriodicRate);
    }
}
