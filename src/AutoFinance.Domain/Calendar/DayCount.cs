namespace AutoFinance.Domain.Calendar;

/// <summary>Year fractions under the day-count conventions a car loan may use.</summary>
public static class DayCount
{
    /// <summary>
    /// The fraction of a year from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).
    /// Negative when <paramref name="to"/> is earlier.
    /// </summary>
    /// <remarks>
    /// 30/360 is the bond basis (ISDA 2006 4.16(f)): a start day of 31 becomes 30; an end day of 31 becomes 30
    /// when the start day is 30 or 31. So 31 Jan → 28 Feb is 28 days, 30 Jan → 31 Mar is 60 days.
    /// Actual/actual splits the interval at each 1 January and divides each part by its year's length.
    /// </remarks>
    public static decimal YearFraction(DayCountConvention convention, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -YearFraction(convention, to, from);
        }

        return Calendar.YearFraction.Between(convention, from, to).ToDecimal();
    }

    public static int ActualDays(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    public static int Days30360(DateOnly from, DateOnly to)
    {
        var d1 = Math.Min(from.Day, 30);
        var d2 = to.Day == 31 && d1 == 30 ? 30 : to.Day;
        return (360 * (to.Year - from.Year)) + (30 * (to.Month - from.Month)) + (d2 - d1);
    }
}
