namespace AutoFinance.Domain.Calendar;

/// <summary>
/// Walks monthly due dates from a first due date on a day of the month (by default the first due date's), clamped
/// to each month's length as <see cref="MonthlyCalendar.DueDate"/> does, one month at a time without date arithmetic.
/// </summary>
public struct MonthlyDueDates(DateOnly firstDue, int dueDay = 0)
{
    private readonly int day = dueDay > 0 ? dueDay : firstDue.Day;
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
