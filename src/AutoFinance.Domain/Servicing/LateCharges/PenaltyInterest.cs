using AutoFinance.Domain.Calendar;

namespace AutoFinance.Domain.Servicing.LateCharges;

/// <summary>Penalty interest on overdue principal and interest, one day at a time.</summary>
public static class PenaltyInterest
{
    /// <summary>
    /// Decimal places a day's penalty is kept to before it is added up (half away from zero). Every day's amount is then
    /// an exact decimal, so sums do not depend on how days are grouped into runs; the rounding moves a year's total by
    /// less than 0.0000001 of the currency.
    /// </summary>
    public const int Precision = 10;

    /// <summary>
    /// The penalty for the one day that ends on <paramref name="day"/> (from <paramref name="day"/> − 1 to it):
    /// overdue principal + interest × contract rate × multiplier × year fraction of that day under the policy's day
    /// count (1/365 under actual/365; 1/366 in a leap year under actual/actual; under 30/360 the 31st weighs nothing and
    /// 1 March weighs 2 or 3 days), unrounded to <see cref="Precision"/> places.
    /// </summary>
    public static decimal ForDay(decimal overdue, LateChargePolicy policy, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfNegative(overdue);
        if (overdue == 0m || policy.PenaltyAnnualRate == 0m)
        {
            return 0m;
        }

        var fraction = YearFraction.Between(policy.DayCount, day.AddDays(-1), day);
        return Math.Round(overdue * policy.PenaltyAnnualRate * fraction.Numerator / fraction.Denominator, Precision, MidpointRounding.AwayFromZero);
    }

    /// <summary>The penalty of the days ending on <paramref name="after"/> + 1 … <paramref name="through"/> on a constant overdue amount: the sum of <see cref="ForDay"/>.</summary>
    public static decimal ForDays(decimal overdue, LateChargePolicy policy, DateOnly after, DateOnly through)
    {
        var total = 0m;
        for (var day = after.AddDays(1); day <= through; day = day.AddDays(1))
        {
            total += ForDay(overdue, policy, day);
        }

        return total;
    }
}
