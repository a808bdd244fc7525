using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing.Accrual;
using AutoFinance.Domain.Tests.Schedules;
using CsCheck;

namespace AutoFinance.Domain.Tests.Servicing.Accrual;

public class AccrualPeriodTests
{
    private static readonly DayCountConvention[] DayCounts = Enum.GetValues<DayCountConvention>();

    public static TheoryData<RepaymentMethod, DayCountConvention, InterestAccrual> Every()
    {
        var data = new TheoryData<RepaymentMethod, DayCountConvention, InterestAccrual>();
        foreach (var method in Enum.GetValues<RepaymentMethod>())
        {
            foreach (var dayCount in DayCounts)
            {
                foreach (var accrual in Enum.GetValues<InterestAccrual>())
                {
                    data.Add(method, dayCount, accrual);
                }
            }
        }

        return data;
    }

    private static RepaymentSchedule Schedule(RepaymentMethod method, DayCountConvention dayCount, InterestAccrual accrual) =>
        ScheduleBuilder.Build(Loans.Terms(123_456.78m, 7.35m, 24, method) with
        {
            // An odd first period that starts on the 31st: the hardest case for 30/360.
            StartDate = new DateOnly(2027, 12, 31),
            FirstDueDate = new DateOnly(2028, 2, 15),
            DayCount = dayCount,
            Accrual = accrual,
            BalloonFraction = method == RepaymentMethod.Balloon ? 0.3m : 0m,
            FlatFee = method == RepaymentMethod.FlatFee ? FlatFee.TotalPercent(8m, FeeTiming.Spread) : null,
        });

    [Theory]
    [MemberData(nameof(Every))]
    public void Daily_postings_add_up_to_each_instalments_interest(RepaymentMethod method, DayCountConvention scheduleDayCount, InterestAccrual accrual)
    {
        var schedule = Schedule(method, scheduleDayCount, accrual);
        foreach (var spreadBy in DayCounts)
        {
            foreach (var period in AccrualPeriod.Of(schedule))
            {
                var days = period.Daily(spreadBy);
                Assert.Equal(period.DueDate.DayNumber - period.PeriodStart.DayNumber, days.Count);
                Assert.Equal(period.ScheduledInterest, days.Sum(day => day.Amount));
                Assert.Equal(period.ScheduledInterest, days[^1].Cumulative);
                Assert.All(days, day => Assert.True(day.Amount >= 0m));
                Assert.All(days, day => Assert.Equal(day.Amount, period.ForDate(day.Date, spreadBy)));
            }
        }
    }

    [Fact]
    public void A_31_day_month_spreads_408_33_in_whole_cents()
    {
        var period = new AccrualPeriod(1, new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 10), 408.33m, Currency.Cny);
        var days = period.Daily(DayCountConvention.Actual365);

        // 40,833 cents / 31 = 1,317.19…: the running total rounds to 13.17, 26.34, 39.52 (3,951.58 → 3,952), …
        Assert.Equal([13.17m, 13.17m, 13.18m], days.Take(3).Select(day => day.Amount));
        // 15 of 31 days: 40,833 × 15 / 31 = 19,757.9 → 197.58.
        Assert.Equal(197.58m, period.AccruedThrough(new DateOnly(2026, 1, 25), DayCountConvention.Actual365));
    }

    [Fact]
    public void Outside_the_period_nothing_or_everything_has_accrued()
    {
        var period = new AccrualPeriod(1, new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 10), 408.33m, Currency.Cny);

        Assert.Equal(0m, period.AccruedThrough(new DateOnly(2026, 1, 10), DayCountConvention.Actual365));
        Assert.Equal(0m, period.AccruedThrough(new DateOnly(2025, 12, 1), DayCountConvention.Actual365));
        Assert.Equal(408.33m, period.AccruedThrough(new DateOnly(2026, 2, 10), DayCountConvention.Actual365));
        Assert.Equal(408.33m, period.AccruedThrough(new DateOnly(2026, 5, 1), DayCountConvention.Actual365));
        Assert.False(period.Covers(new DateOnly(2026, 1, 10)));
        Assert.True(period.Covers(new DateOnly(2026, 2, 10)));
    }

    [Fact]
    public void Under_30_360_every_month_weighs_30_days_so_1_february_weighs_nothing_and_1_march_three_days()
    {
        var period = new AccrualPeriod(1, new DateOnly(2026, 1, 15), new DateOnly(2026, 3, 15), 600m, Currency.Cny);

        // 60 days of 10.00 each under 30/360: 15 Jan → 31 Jan is 16 days, → 1 Feb still 16, → 28 Feb 43, → 1 Mar 46.
        Assert.Equal(10m, period.ForDate(new DateOnly(2026, 1, 31), DayCountConvention.Thirty360));
        Assert.Equal(0m, period.ForDate(new DateOnly(2026, 2, 1), DayCountConvention.Thirty360));
        Assert.Equal(30m, period.ForDate(new DateOnly(2026, 3, 1), DayCountConvention.Thirty360));
        Assert.Equal(600m, period.Daily(DayCountConvention.Thirty360).Sum(day => day.Amount));
    }

    [Fact]
    public void Runs_on_any_dates_post_the_scheduled_interest_exactly()
    {
        var schedule = Loans.Build(88_888.88m, 5.55m, 12);
        var periods = AccrualPeriod.Of(schedule);
        Gen.Bool.Array[400].Sample(runs =>
        {
            foreach (var dayCount in DayCounts)
            {
                foreach (var period in periods)
                {
                    var posted = 0m;
                    for (var date = period.PeriodStart.AddDays(1); date <= period.DueDate; date = date.AddDays(1))
                    {
                        if (runs[date.DayNumber % runs.Length] || date == period.DueDate)
                        {
                            var increment = period.ToPost(date, dayCount, posted);
                            Assert.True(increment >= 0m);
                            posted += increment;
                            Assert.Equal(0m, period.ToPost(date, dayCount, posted));
                        }
                    }

                    Assert.Equal(period.ScheduledInterest, posted);
                }
            }
        }, iter: 50);
    }
}
