using AutoFinance.Domain.Calendar;

namespace AutoFinance.Domain.Rates;

/// <summary>How the EU method measures time in years between the first advance and a flow.</summary>
public enum EuTimeBasis
{
    /// <summary>Actual days / 365.</summary>
    Actual365,

    /// <summary>Whole months (measured back from the later date) / 12, then remaining days / 365.</summary>
    EqualMonths,
}

/// <summary>
/// The annual percentage rate of charge of the EU consumer-credit directives (2008/48/EC and 2014/17/EU, Annex I):
/// Σ C·(1+X)^(−t) = Σ D·(1+X)^(−s), with times in years from the first drawdown and annual compounding.
/// </summary>
public static class EuAprc
{
    public static AprResult Compute(IReadOnlyList<CashFlow> advances, IReadOnlyList<CashFlow> payments, EuTimeBasis basis)
    {
        if (advances.Count == 0)
        {
            return AprResult.None("there is no advance");
        }

        if (payments.Count == 0)
        {
            return AprResult.None("there is no payment");
        }

        var datedAdvances = advances.Where(a => a.Years is null).Select(a => a.Date).ToList();
        var start = datedAdvances.Count > 0 ? datedAdvances.Min() : default;
        var flows = advances.Select(a => new TimedFlow((double)a.Amount, Years(a, start, basis), 0))
            .Concat(payments.Select(p => new TimedFlow(-(double)p.Amount, Years(p, start, basis), 0)))
            .OrderBy(f => f.Periods)
            .ToArray();
        var solution = IrrSolver.Solve(flows, 0.05);
        if (!solution.Found)
        {
            return AprResult.None(solution.Problem!);
        }

        var annual = AprResult.ToPercent(solution.PeriodicRate);
        return new AprResult(true, annual, annual, solution.PeriodicRate, new UnitPeriod(UnitPeriodKind.Year), null);
    }

    public static double Years(CashFlow flow, DateOnly start, EuTimeBasis basis)
    {
        if (flow.Years is { } years)
        {
            return years;
        }

        if (basis == EuTimeBasis.Actual365)
        {
            return DayCount.ActualDays(start, flow.Date) / 365.0;
        }

        var (months, reached) = MonthlyCalendar.WholeMonthsBack(start, flow.Date);
        return (months / 12.0) + (DayCount.ActualDays(start, reached) / 365.0);
    }
}
