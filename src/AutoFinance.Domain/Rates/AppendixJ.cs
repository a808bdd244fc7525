using AutoFinance.Domain.Calendar;

namespace AutoFinance.Domain.Rates;

/// <summary>
/// The actuarial APR of US Regulation Z (12 CFR 1026) Appendix J: the unit-period, the counting of full
/// unit-periods and fractions, and the general equation Σ A/((1+f·i)(1+i)^t) = Σ P/((1+f·i)(1+i)^t).
/// </summary>
/// <remarks>
/// Counting, Appendix J (b)(5): all times run from the first advance (the start of the term).
/// Month and multiples of a month, and semimonths: whole months are measured back from the later date, each
/// counted as 30 days, plus the remaining days; that total divided by 30 × multiple (or 15 for a semimonth) gives
/// the full unit-periods, and its remainder over the same divisor the fraction. Days and weeks: actual days over 1
/// or 7 × multiple. Year: full years measured back from the later date; the remainder as whole months / 12, or else
/// days / 365. Months are equal whatever their length; month ends are measured last day to last day ((b)(3)).
/// </remarks>
public static class AppendixJ
{
    /// <summary>Whole unit-periods and the fraction of one from the start of the term to a date.</summary>
    public static (int Periods, double Fraction) Measure(UnitPeriod unit, DateOnly start, DateOnly date)
    {
        if (date < start)
        {
            throw new ArgumentException("A flow cannot come before the first advance.", nameof(date));
        }

        switch (unit.Kind)
        {
            case UnitPeriodKind.Day:
            case UnitPeriodKind.Week:
                {
                    var divisor = (unit.Kind == UnitPeriodKind.Day ? 1 : 7) * unit.Multiple;
                    return Split(DayCount.ActualDays(start, date), divisor);
                }

            case UnitPeriodKind.Month:
            case UnitPeriodKind.SemiMonth:
                {
                    var (months, reached) = MonthlyCalendar.WholeMonthsBack(start, date);
                    var days = (30 * months) + DayCount.ActualDays(start, reached);
                    var divisor = (unit.Kind == UnitPeriodKind.Month ? 30 : 15) * unit.Multiple;
                    return Split(days, divisor);
                }

            case UnitPeriodKind.Year:
                {
                    var (months, reached) = MonthlyCalendar.WholeMonthsBack(start, date);
                    var years = months / 12;
                    var fraction = reached == start
                        ? (months % 12) / 12.0
                        : DayCount.ActualDays(start, date.AddYears(-years)) / 365.0;
                    return Split(years, fraction, unit.Multiple);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(unit));
        }
    }

    /// <summary>
    /// The unit-period of a transaction by Appendix J (b)(4): the common period (one occurring more than once) that
    /// occurs most often, the smaller on a tie; with none, the average period rounded to the nearest standard
    /// interval (the smaller at a midpoint). A single advance repaid by a single payment has its term as the
    /// unit-period, never more than a year.
    /// </summary>
    public static UnitPeriod DetermineUnitPeriod(IReadOnlyList<CashFlow> advances, IReadOnlyList<CashFlow> payments)
    {
        var start = advances.Min(a => a.Date);
        if (advances.Count == 1 && payments.Count == 1)
        {
            return TermAsUnitPeriod(start, payments[0].Date);
        }

        var dates = advances.Select(a => a.Date).Concat(payments.Select(p => p.Date)).Distinct().Order().ToList();
        var periods = new List<UnitPeriod?>();
        var lengths = new List<double>();
        for (var k = 1; k < dates.Count; k++)
        {
            periods.Add(Classify(dates[k - 1], dates[k]));
            lengths.Add(DayCount.ActualDays(dates[k - 1], dates[k]));
        }

        var common = periods
            .Where(p => p is { } u && u.ApproximateDays <= 366)
            .GroupBy(p => p!.Value)
            .Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key.ApproximateDays)
            .Select(g => (UnitPeriod?)g.Key)
            .FirstOrDefault();
        return common ?? NearestStandardInterval(lengths.Count == 0 ? 30 : lengths.Average());
    }

    /// <summary>The actuarial APR (in percent) of the flows with the unit-period given, or found by Appendix J when null.</summary>
    public static AprResult Apr(IReadOnlyList<CashFlow> advances, IReadOnlyList<CashFlow> payments, UnitPeriod? unitPeriod = null)
    {
        if (advances.Count == 0)
        {
            return AprResult.None("there is no advance");
        }

        if (payments.Count == 0)
        {
            return AprResult.None("there is no payment");
        }

        var start = advances.Min(a => a.Date);
        var unit = unitPeriod ?? DetermineUnitPeriod(advances, payments);
        var flows = new TimedFlow[advances.Count + payments.Count];
        var index = 0;
        foreach (var advance in advances.OrderBy(a => a.Date))
        {
            var (t, f) = Measure(unit, start, advance.Date);
            flows[index++] = new TimedFlow((double)advance.Amount, t, f);
        }

        foreach (var payment in payments.OrderBy(p => p.Date))
        {
            var (t, f) = Measure(unit, start, payment.Date);
            flows[index++] = new TimedFlow(-(double)payment.Amount, t, f);
        }

        Array.Sort(flows, (a, b) => (a.Periods + a.Fraction).CompareTo(b.Periods + b.Fraction));
        var solution = IrrSolver.Solve(flows);
        return solution.Found
            ? AprResult.Of(solution.PeriodicRate, unit)
            : AprResult.None(solution.Problem!);
    }

    private static (int, double) Split(int days, int divisor) => (days / divisor, (double)(days % divisor) / divisor);

    private static (int, double) Split(int years, double fraction, int multiple) =>
        ((years / multiple), ((years % multiple) + fraction) / multiple);

    private static UnitPeriod TermAsUnitPeriod(DateOnly start, DateOnly end)
    {
        var (months, reached) = MonthlyCalendar.WholeMonthsBack(start, end);
        if (months >= 12 && (months > 12 || reached != start))
        {
            return new UnitPeriod(UnitPeriodKind.Year);
        }

        if (reached == start && months > 0)
        {
            return months == 12 ? new UnitPeriod(UnitPeriodKind.Year) : new UnitPeriod(UnitPeriodKind.Month, months);
        }

        return new UnitPeriod(UnitPeriodKind.Day, Math.Max(1, DayCount.ActualDays(start, end)));
    }

    /// <summary>The standard interval a period between two dates is, or null when it is none.</summary>
    private static UnitPeriod? Classify(DateOnly from, DateOnly to)
    {
        var (months, reached) = MonthlyCalendar.WholeMonthsBack(from, to);
        var endToEnd = IsMonthEnd(from) && IsMonthEnd(to);
        if (months > 0 && (reached == from || endToEnd))
        {
            return months % 12 == 0 ? new UnitPeriod(UnitPeriodKind.Year, months / 12) : new UnitPeriod(UnitPeriodKind.Month, months);
        }

        var days = DayCount.ActualDays(from, to);
        if (days % 7 == 0)
        {
            return new UnitPeriod(UnitPeriodKind.Week, days / 7);
        }

        if (days is >= 13 and <= 16)
        {
            return new UnitPeriod(UnitPeriodKind.SemiMonth);
        }

        return days == 1 ? new UnitPeriod(UnitPeriodKind.Day) : null;
    }

    private static bool IsMonthEnd(DateOnly date) => date.Day == DateTime.DaysInMonth(date.Year, date.Month);

    private static UnitPeriod NearestStandardInterval(double averageDays)
    {
        var candidates = new List<UnitPeriod> { new(UnitPeriodKind.Day), new(UnitPeriodKind.SemiMonth) };
        for (var w = 1; w <= 52; w++)
        {
            candidates.Add(new UnitPeriod(UnitPeriodKind.Week, w));
        }

        for (var m = 1; m <= 11; m++)
        {
            candidates.Add(new UnitPeriod(UnitPeriodKind.Month, m));
        }

        candidates.Add(new UnitPeriod(UnitPeriodKind.Year));
        return candidates
            .OrderBy(c => Math.Abs(c.ApproximateDays - averageDays))
            .ThenBy(c => c.ApproximateDays)
            .First();
    }
}
