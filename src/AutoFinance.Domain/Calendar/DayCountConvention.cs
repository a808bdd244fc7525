namespace AutoFinance.Domain.Calendar;

/// <summary>How the fraction of a year between two dates is counted for interest.</summary>
public enum DayCountConvention
{
    /// <summary>30/360 bond basis: every month has 30 days, the year 360 (a whole month is exactly 1/12 year).</summary>
    Thirty360,

    /// <summary>Actual days over a 360-day year.</summary>
    Actual360,

    /// <summary>Actual days over a 365-day year, leap years included.</summary>
    Actual365,

    /// <summary>Actual/actual (ISDA): the days falling in each calendar year over that year's length (365 or 366).</summary>
    ActualActual,
}
