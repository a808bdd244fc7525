namespace AutoFinance.Domain.Calendar;

/// <summary>An exact fraction of a year, Numerator / Denominator, as a day count defines it (31/365, 45/360).</summary>
public readonly record struct YearFraction(long Numerator, long Denominator)
{
    public static readonly YearFraction Zero = new(0, 1);

    /// <summary>The year fraction between two dates under a day count, as an exact ratio.</summary>
    public static YearFraction Between(DayCountConvention convention, DateOnly from, DateOnly to)
    {
        switch (convention)
        {
            case DayCountConvention.Thirty360:
                return new YearFraction(DayCount.Days30360(from, to), 360);
            case DayCountConvention.Actual360:
                return new YearFraction(DayCount.ActualDays(from, to), 360);
            case DayCountConvention.Actual365:
                return new YearFraction(DayCount.ActualDays(from, to), 365);
            case DayCountConvention.ActualActual:
                {
                    var result = Zero;
                    var cursor = from;
                    while (cursor < to)
                    {
                        var nextYear = new DateOnly(cursor.Year + 1, 1, 1);
                        var end = nextYear < to ? nextYear : to;
                        result += new YearFraction(DayCount.ActualDays(cursor, end), DateTime.IsLeapYear(cursor.Year) ? 366 : 365);
                        cursor = end;
                    }

                    return result;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(convention), convention, null);
        }
    }

    /// <summary>Months as a year fraction (m / 12).</summary>
    public static YearFraction Months(int months) => new(months, 12);

    public static YearFraction operator +(YearFraction a, YearFraction b) =>
        a.Denominator == b.Denominator
            ? new YearFraction(a.Numerator + b.Numerator, a.Denominator)
            : new YearFraction((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public decimal ToDecimal() => (decimal)Numerator / Denominator;
}
