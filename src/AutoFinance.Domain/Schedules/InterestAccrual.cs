namespace AutoFinance.Domain.Schedules;

/// <summary>How a regular period's interest rate is found.</summary>
public enum InterestAccrual
{
    /// <summary>
    /// The convention common in China (the default): monthly rate = annual rate / 12, unrounded, for every
    /// regular month whatever its length; only an odd first period uses the day count for its odd days.
    /// </summary>
    MonthlyRate,

    /// <summary>Every period accrues annual rate × year fraction between its dates under the loan's day count.</summary>
    DayCount,
}
