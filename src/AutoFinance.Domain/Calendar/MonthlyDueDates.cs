namespace AutoFinance.Domain.Calendar;

/// <summary>
/// Walks monthly due dates from a first due date, with the same end-of-month rule as
/// <see cref="MonthlyCalendar.DueDate"/> (the day of the first due date, clamped to each month's length), one
/// month at a time without date arithmetic.
/// </summary>
public struct MonthlyDueDates(DateOnly firstDue)
{
    private readonly int day = firstDue.Day;
    private int year = firstDue.Year;
    private int month = firstDue.Month - 1;

    public DateOnly Next()
    {
        if (++month > 12)
        {
            month = 1;
            year++;
        }

        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }
}
