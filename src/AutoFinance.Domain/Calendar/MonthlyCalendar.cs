namespace AutoFinance.Domain.Calendar;

/// <summary>Monthly due dates and whole-month counting, with the end-of-month rule written down once.</summary>
public static class MonthlyCalendar
{
    /// <summary>
    /// The due date of instalment <paramref name="number"/> (1-based): the first due date moved by whole months.
    /// Every date is taken from the first due date, never from the previous one, so a loan first due on the 31st
    /// falls due on 28/29 February and again on 31 March (no drift to the 28th).
    /// </summary>
    public static DateOnly DueDate(DateOnly firstDue, int number) => firstDue.AddMonths(number - 1);

    /// <summary>
    /// Counts whole months back from <paramref name="later"/> while the date stays on or after <paramref name="earlier"/>,
    /// and returns the count and the date reached (the start of the whole months). A month that ends on a clamped
    /// month end counts whole: 31 January → 28 February is one month, as it is when the due dates are generated.
    /// </summary>
    public static (int Months, DateOnly Reached) WholeMonthsBack(DateOnly earlier, DateOnly later)
    {
        var months = ((later.Year - earlier.Year) * 12) + later.Month - earlier.Month;
        if (months <= 0 || later < earlier)
        {
            return (0, later);
        }

        while (months > 0)
        {
            if (earlier.AddMonths(months) == later)
            {
                return (months, earlier);
            }

            if (later.AddMonths(-months) >= earlier)
            {
                return (months, later.AddMonths(-months));
            }

            months--;
        }

        return (0, later);
    }
}
