using AutoFinance.Domain.Rates;

namespace AutoFinance.Domain.Tests.Rates;

/// <summary>
/// The worked examples of Regulation Z, 12 CFR 1026 Appendix J, paragraph (c) "Examples for the actuarial method".
/// Appendix J states its rates to two decimals (worked on a ten-digit calculator); each is checked to that precision,
/// and the unit-period is left for the engine to determine by Appendix J's own rules.
/// </summary>
public class AppendixJExamplesTests
{
    private static CashFlow Flow(string date, decimal amount) => new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), amount);

    private static List<CashFlow> Series(string first, int count, decimal amount, Func<DateOnly, int, DateOnly> step)
    {
        var start = DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        return [.. Enumerable.Range(0, count).Select(k => new CashFlow(step(start, k), amount))];
    }

    private static DateOnly Months(DateOnly d, int k) => d.AddMonths(k);

    private static void AssertApr(decimal published, List<CashFlow> advances, List<CashFlow> payments, string unit)
    {
        var result = AppendixJ.Apr(advances, payments);
        Assert.True(result.Found, result.Problem);
        Assert.Equal(unit, result.UnitPeriod.ToString());
        Assert.Equal(published, Math.Round(result.AprPercent, 2, MidpointRounding.AwayFromZero));
        Assert.True(AprTolerance.IsAccurate(published, result.AprPercent));
    }

    [Fact]
    public void C1i_monthly_payments_regular_first_period()
    {
        AssertApr(9.69m, [Flow("1978-01-10", 5000m)], Series("1978-02-10", 24, 230m, Months), "month");
    }

    [Fact]
    public void C1ii_monthly_payments_long_first_period()
    {
        AssertApr(11.82m, [Flow("1978-02-10", 6000m)], Series("1978-04-01", 36, 200m, Months), "month");
    }

    [Fact]
    public void C1iii_semimonthly_payments_short_first_period()
    {
        // Payments on the 1st and 16th of each month from 1 March 1978.
        var payments = Series("1978-03-01", 24, 219.17m, (d, k) => d.AddMonths(k / 2).AddDays(k % 2 * 15));
        AssertApr(10.34m, [Flow("1978-02-23", 5000m)], payments, "semimonth");
    }

    [Fact]
    public void C1iv_quarterly_payments_long_first_period()
    {
        AssertApr(8.97m, [Flow("1978-05-23", 10000m)], Series("1978-10-01", 40, 385m, (d, k) => d.AddMonths(3 * k)), "3 x month");
    }

    [Fact]
    public void C1v_weekly_payments_long_first_period()
    {
        AssertApr(14.96m, [Flow("1978-03-20", 500m)], Series("1978-04-21", 30, 17.60m, (d, k) => d.AddDays(7 * k)), "week");
    }

    [Fact]
    public void C2i_monthly_payments_odd_first_payment()
    {
        var payments = Series("1978-03-10", 23, 230m, Months);
        payments.Insert(0, Flow("1978-02-10", 250m));
        AssertApr(10.08m, [Flow("1978-01-10", 5000m)], payments, "month");
    }

    [Fact]
    public void C2ii_four_weekly_payments_long_first_period_odd_first_payment()
    {
        var payments = Series("1978-05-18", 11, 38.31m, (d, k) => d.AddDays(28 * k));
        payments.Insert(0, Flow("1978-04-20", 39.50m));
        AssertApr(28.50m, [Flow("1978-03-18", 400m)], payments, "4 x week");
    }

    [Fact]
    public void C3i_monthly_payments_odd_final_payment()
    {
        var payments = Series("1978-02-10", 23, 230m, Months);
        payments.Add(Flow("1980-01-10", 280m));
        AssertApr(10.50m, [Flow("1978-01-10", 5000m)], payments, "month");
    }

    [Fact]
    public void C3ii_biweekly_payments_short_first_period_odd_final_payment()
    {
        var payments = Series("1978-04-11", 20, 9.50m, (d, k) => d.AddDays(14 * k));
        payments[^1] = payments[^1] with { Amount = 30m };
        AssertApr(12.22m, [Flow("1978-04-03", 200m)], payments, "2 x week");
    }

    [Fact]
    public void C4i_monthly_payments_odd_first_and_final_payments()
    {
        var payments = Series("1978-03-10", 22, 230m, Months);
        payments.Insert(0, Flow("1978-02-10", 250m));
        payments.Add(Flow("1980-01-10", 280m));
        AssertApr(10.90m, [Flow("1978-01-10", 5000m)], payments, "month");
    }

    [Fact]
    public void C4ii_bimonthly_payments_short_first_period_odd_first_and_final_payments()
    {
        var payments = Series("1978-05-01", 18, 465m, (d, k) => d.AddMonths(2 * k));
        payments.Insert(0, Flow("1978-03-01", 449.36m));
        payments.Add(Flow("1981-05-01", 200m));
        AssertApr(7.30m, [Flow("1978-01-10", 8000m)], payments, "2 x month");
    }

    [Fact]
    public void C5i_single_advance_single_payment_term_of_255_days()
    {
        AssertApr(11.45m, [Flow("1978-01-03", 1000m)], [Flow("1978-09-15", 1080m)], "255 x day");
    }

    [Fact]
    public void C5ii_single_advance_single_payment_term_of_6_months()
    {
        AssertApr(8.80m, [Flow("1978-01-10", 1000m)], [Flow("1978-07-10", 1044m)], "6 x month");
    }

    [Fact]
    public void C5iii_single_advance_single_payment_term_of_18_months()
    {
        AssertApr(8.76m, [Flow("1978-01-10", 1000m)], [Flow("1979-07-10", 1135.19m)], "year");
    }

    [Fact]
    public void C5iv_single_advance_single_payment_term_of_2_years()
    {
        AssertApr(11.36m, [Flow("1978-01-10", 1000m)], [Flow("1980-01-10", 1240m)], "year");
    }

    [Fact]
    public void C6i_skipped_payments_every_four_weeks()
    {
        // Appendix J gives this example's payments as full unit-periods and fractions of a 4-week unit-period.
        var flows = new List<TimedFlow> { new(2135, 0, 0) };
        void Add(int count, int firstPeriod, double fraction)
        {
            for (var k = 0; k < count; k++)
            {
                flows.Add(new TimedFlow(-100, firstPeriod + k, fraction));
            }
        }

        Add(9, 0, 26.0 / 28);
        Add(6, 10, 12.0 / 28);
        Add(6, 16, 26.0 / 28);
        Add(3, 23, 12.0 / 28);
        var solution = IrrSolver.Solve([.. flows]);
        Assert.True(solution.Found);
        Assert.Equal(12.00m, Math.Round(AprResult.Of(solution.PeriodicRate, new UnitPeriod(UnitPeriodKind.Week, 4)).AprPercent, 2));
    }

    [Fact]
    public void C6ii_skipped_payments_and_single_payments_monthly()
    {
        var flows = new List<TimedFlow> { new(7350, 0, 0) };
        for (var k = 0; k < 3; k++)
        {
            flows.Add(new TimedFlow(-1000, 6 + k, 12.0 / 30));
        }

        flows.Add(new TimedFlow(-2000, 12, 12.0 / 30));
        for (var k = 0; k < 3; k++)
        {
            flows.Add(new TimedFlow(-750, 18 + k, 12.0 / 30));
        }

        flows.Add(new TimedFlow(-1000, 22, 29.0 / 30));
        var solution = IrrSolver.Solve([.. flows]);
        Assert.True(solution.Found);
        Assert.Equal(10.22m, Math.Round(AprResult.Of(solution.PeriodicRate, UnitPeriod.Month).AprPercent, 2));
    }
}
