using System.Globalization;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Web.Hosting.Scheduling;
using Microsoft.Extensions.Configuration;

namespace AutoFinance.Web.Tests.Operations;

/// <summary>When jobs are due: cron read in Beijing time, intervals every host computes alike, and the day an end-of-day closes.</summary>
public sealed class JobScheduleTests
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void End_of_day_at_five_past_midnight_is_read_in_beijing_time_and_closes_the_day_just_ended()
    {
        var schedule = JobSchedule.Cron("5 0 * * *", Beijing);

        var next = schedule.Next(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 16, 5, 0, TimeSpan.Zero), next);
        Assert.Equal(new DateOnly(2026, 12, 3), PlatformJobs.BusinessDayClosedAt(next, Beijing));
    }

    [Fact]
    public void An_evening_end_of_day_closes_the_same_day()
    {
        var at = JobSchedule.Cron("30 23 * * *", Beijing).Next(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 3), PlatformJobs.BusinessDayClosedAt(at, Beijing));
    }

    [Fact]
    public void Interval_occurrences_fall_on_the_same_moments_whenever_a_host_asks()
    {
        var every5 = JobSchedule.Every(TimeSpan.FromSeconds(5));
        var first = every5.Next(new DateTimeOffset(2026, 12, 3, 12, 0, 3, 700, TimeSpan.Zero));
        var second = every5.Next(new DateTimeOffset(2026, 12, 3, 12, 0, 1, 100, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 12, 0, 5, TimeSpan.Zero), first);
        Assert.Equal(first, second);
        Assert.Equal(first, every5.Latest(first.AddSeconds(4.9), first.AddMinutes(-1)));
    }

    [Fact]
    public void A_manual_run_works_as_of_the_latest_scheduled_occurrence()
    {
        var daily = JobSchedule.Cron("5 0 * * *", Beijing);
        var afternoon = new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.Zero); // 14:00 in Beijing

        var latest = daily.Latest(afternoon, afternoon.AddDays(-7));

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 16, 5, 0, TimeSpan.Zero), latest);
        Assert.Equal(new DateOnly(2026, 12, 2), PlatformJobs.BusinessDayClosedAt(latest!.Value, Beijing));
    }

    [Fact]
    public void A_platform_down_for_three_nights_makes_up_only_the_latest_end_of_day_slot()
    {
        var daily = JobSchedule.Cron("5 0 * * *", Beijing);
        var lastRun = new DateTimeOffset(2026, 12, 1, 16, 5, 1, TimeSpan.Zero); // 00:05 on 2 December in Beijing
        var back = new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero); // 10:00 on 5 December

        Assert.Equal(new DateTimeOffset(2026, 12, 4, 16, 5, 0, TimeSpan.Zero), daily.MissedSince(lastRun, back));
    }

    [Fact]
    public void A_job_run_since_its_latest_slot_has_missed_nothing()
    {
        var daily = JobSchedule.Cron("5 0 * * *", Beijing);
        var lastRun = new DateTimeOffset(2026, 12, 4, 16, 5, 0, 200, TimeSpan.Zero);

        Assert.Null(daily.MissedSince(lastRun, new DateTimeOffset(2026, 12, 5, 16, 4, 59, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 16, 5, 0, TimeSpan.Zero), daily.MissedSince(lastRun, new DateTimeOffset(2026, 12, 5, 16, 5, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("2026-03-10T02:00:00Z", true)] // 10:00 the same day
    [InlineData("2026-03-10T15:59:59Z", true)] // 23:59:59 the same day
    [InlineData("2026-03-10T16:00:00Z", false)] // midnight: the day is over
    [InlineData("2026-03-10T21:00:00Z", false)] // 05:00 the next day, before its own slot
    public void A_missed_direct_debit_slot_is_made_up_only_before_midnight_of_its_day(string back, bool madeUp)
    {
        var job = PlatformJobs.Catalog(new ConfigurationBuilder().Build()).Find(PlatformJobs.DirectDebit)!;
        var slot = new DateTimeOffset(2026, 3, 9, 22, 0, 0, TimeSpan.Zero); // 06:00 on 10 March in Beijing

        Assert.Equal(MissedSlot.MakeUpSameDay, job.WhenMissed);
        Assert.Equal(madeUp, job.MakesUp(slot, DateTimeOffset.Parse(back, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("5 0 * * *", "2026-03-10T16:00:00Z")] // closes the day after midnight: midnight
    [InlineData("30 23 * * *", "2026-03-10T15:30:00Z")] // closes the day at 23:30: until then
    [InlineData("0 11 * * *", "2026-03-10T16:00:00Z")] // 11:00 closes the day before: midnight
    public void The_same_day_cut_off_is_midnight_or_the_close_of_that_day_if_sooner(string close, string cutOff)
    {
        var slot = new DateTimeOffset(2026, 3, 9, 22, 0, 0, TimeSpan.Zero); // 06:00 on 10 March in Beijing

        Assert.Equal(DateTimeOffset.Parse(cutOff, CultureInfo.InvariantCulture), PlatformJobs.SameDayCutOff(slot, Beijing, JobSchedule.Cron(close, Beijing)));
        Assert.Equal(DateTimeOffset.Parse("2026-03-10T16:00:00Z", CultureInfo.InvariantCulture), PlatformJobs.SameDayCutOff(slot, Beijing, null));
    }
}
