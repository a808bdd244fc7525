using AutoFinance.Domain.Calendar;

namespace AutoFinance.Domain.Tests.Calendar;

public class DayCountTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-01-31", "2026-02-28", 28)]
    [InlineData("2026-01-30", "2026-03-31", 60)]
    [InlineData("2026-01-31", "2026-03-31", 60)]
    [InlineData("2026-01-15", "2026-03-01", 46)]
    [InlineData("2026-02-28", "2026-03-31", 33)]
    public void Thirty_360_bond_basis_counts_months_as_30_days(string from, string to, int days)
    {
        Assert.Equal(days, DayCount.Days30360(D(from), D(to)));
    }

    [Fact]
    public void Actual_conventions_divide_calendar_days_by_their_year()
    {
        Assert.Equal(31m / 360m, DayCount.YearFraction(DayCountConvention.Actual360, D("2026-01-01"), D("2026-02-01")));
        Assert.Equal(31m / 365m, DayCount.YearFraction(DayCountConvention.Actual365, D("2028-01-01"), D("2028-02-01")));
    }

    [Fact]
    public void Actual_actual_splits_at_the_new_year()
    {
        // 16 days of 2027 (365) and 15 days of 2028 (366).
        var fraction = YearFraction.Between(DayCountConvention.ActualActual, D("2027-12-16"), D("2028-01-16"));
        Assert.Equal((16m / 365m) + (15m / 366m), fraction.ToDecimal(), 20);
        Assert.Equal(fraction.ToDecimal(), DayCount.YearFraction(DayCountConvention.ActualActual, D("2027-12-16"), D("2028-01-16")), 20);
    }

    [Theory]
    [InlineData("2026-01-31", "2026-02-28", 1, "2026-01-31")]
    [InlineData("2026-02-10", "2026-04-01", 1, "2026-03-01")]
    [InlineData("2026-02-23", "2026-03-01", 0, "2026-03-01")]
    [InlineData("2026-02-28", "2026-03-31", 1, "2026-02-28")]
    public void Whole_months_are_measured_back_from_the_later_date(string earlier, string later, int months, string reached)
    {
        Assert.Equal((months, D(reached)), MonthlyCalendar.WholeMonthsBack(D(earlier), D(later)));
    }

    [Fact]
    public void Monthly_due_dates_walk_like_add_months_from_the_first_due_date()
    {
        var walker = new MonthlyDueDates(D("2027-10-31"));
        for (var k = 1; k <= 30; k++)
        {
            Assert.Equal(MonthlyCalendar.DueDate(D("2027-10-31"), k), walker.Next());
        }
    }
}
