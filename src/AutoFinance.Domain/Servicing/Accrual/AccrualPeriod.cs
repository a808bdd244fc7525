using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Servicing.Accrual;

/// <summary>
/// One instalment's interest period for end-of-day accrual: from the previous due date (the start date for the first
/// instalment) to the instalment's due date, and the interest the schedule charges for it.
/// </summary>
/// <remarks>
/// Business date d accrues the day that ends on d, so the days of a period are PeriodStart + 1 … DueDate and the
/// whole scheduled interest has accrued at the end of the due date. The interest accrued to the end of d is
/// round(I × t(PeriodStart, d) / t(PeriodStart, DueDate)), half away from zero, where I is the scheduled interest and
/// t the year fraction under the day count chosen for spreading (exact ratios, no intermediate rounding). The day's
/// posting is the difference between the amounts accrued to d and to d − 1, so the postings of a period add up to the
/// scheduled interest exactly — to the cent, for every repayment method and day count — and a run that posts
/// <see cref="ToPost"/> catches up days it missed and posts nothing when rerun. Under 30/360 some days weigh nothing
/// (the 31st) and some weigh more (28 February); a period of zero length accrues everything on its due date.
/// </remarks>
public sealed record AccrualPeriod(int InstallmentNumber, DateOnly PeriodStart, DateOnly DueDate, decimal ScheduledInterest, Currency Currency)
{
    /// <summary>The accrual periods of every instalment of a schedule, in order.</summary>
    public static IReadOnlyList<AccrualPeriod> Of(RepaymentSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var periods = new AccrualPeriod[schedule.Count];
        var start = schedule.Terms.StartDate;
        for (var i = 0; i < schedule.Count; i++)
        {
            var row = schedule.Installments[i];
            periods[i] = new AccrualPeriod(row.Number, start, row.DueDate, row.Interest, schedule.Terms.Currency);
            start = row.DueDate;
        }

        return periods;
    }

    /// <summary>Whether business date <paramref name="date"/> accrues a day of this period.</summary>
    public bool Covers(DateOnly date) => date > PeriodStart && date <= DueDate;

    /// <summary>The interest accrued to the end of <paramref name="date"/>, in whole minor units: 0 up to the period start, all of it from the due date.</summary>
    public decimal AccruedThrough(DateOnly date, DayCountConvention dayCount)
    {
        if (date <= PeriodStart)
        {
            return 0m;
        }

        if (date >= DueDate)
        {
            return ScheduledInterest;
        }

        var whole = YearFraction.Between(dayCount, PeriodStart, DueDate);
        if (whole.Numerator <= 0)
        {
            return 0m;
        }

        var part = YearFraction.Between(dayCount, PeriodStart, date);
        var interest = Currency.ToMinorUnits(ScheduledInterest);
        var numerator = (Int128)interest * part.Numerator * whole.Denominator;
        var denominator = (Int128)part.Denominator * whole.Numerator;
        var accrued = Math.Min(ExactRatio.RoundedDivide(numerator, denominator), interest);
        return Currency.FromMinorUnits(accrued);
    }

    /// <summary>The posting of business date <paramref name="date"/> alone: accrued to the end of it less accrued to the day before.</summary>
    public decimal ForDate(DateOnly date, DayCountConvention dayCount) =>
        AccruedThrough(date, dayCount) - AccruedThrough(date.AddDays(-1), dayCount);

    /// <summary>What a run on <paramref name="businessDate"/> posts when <paramref name="alreadyPosted"/> was posted for this period before.</summary>
    public decimal ToPost(DateOnly businessDate, DayCountConvention dayCount, decimal alreadyPosted) =>
        AccruedThrough(businessDate, dayCount) - alreadyPosted;

    /// <summary>Every day of the period with its posting and the running total, in date order.</summary>
    public IReadOnlyList<DailyAccrual> Daily(DayCountConvention dayCount)
    {
        var days = new List<DailyAccrual>(Math.Max(0, DueDate.DayNumber - PeriodStart.DayNumber));
        var previous = 0m;
        for (var date = PeriodStart.AddDays(1); date <= DueDate; date = date.AddDays(1))
        {
            var cumulative = AccruedThrough(date, dayCount);
            days.Add(new DailyAccrual(date, cumulative - previous, cumulative));
            previous = cumulative;
        }

        return days;
    }
}
