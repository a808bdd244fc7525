using AutoFinance.Domain.Notifications;

namespace AutoFinance.Domain.Tests.Notifications;

public class QuietHoursTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static DateTimeOffset Shanghai(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, China);

    [Theory]
    [InlineData(21, 0, true)]
    [InlineData(23, 59, true)]
    [InlineData(0, 0, true)]
    [InlineData(7, 59, true)]
    [InlineData(8, 0, false)]
    [InlineData(12, 0, false)]
    [InlineData(20, 59, false)]
    public void The_default_quiet_hours_run_from_nine_in_the_evening_to_eight_in_the_morning_china_time(int hour, int minute, bool quiet)
    {
        Assert.Equal(quiet, QuietHours.Default.Contains(Shanghai(10, hour, minute)));
        // The same instant written in UTC is read in China time.
        Assert.Equal(quiet, QuietHours.Default.Contains(Shanghai(10, hour, minute).ToUniversalTime()));
    }

    [Fact]
    public void A_reminder_raised_in_the_evening_waits_until_eight_the_next_morning()
    {
        Assert.Equal(Shanghai(11, 8), QuietHours.Default.ReleaseAt(NoticePurpose.Reminders, Shanghai(10, 22, 30)));
        Assert.Equal(Shanghai(11, 8), QuietHours.Default.ReleaseAt(NoticePurpose.Marketing, Shanghai(10, 21, 0)));
    }

    [Fact]
    public void The_release_is_given_in_the_offset_the_clock_gave_so_a_store_that_keeps_utc_takes_it()
    {
        var release = QuietHours.Default.ReleaseAt(NoticePurpose.Reminders, Shanghai(10, 22, 30).ToUniversalTime());

        Assert.Equal(TimeSpan.Zero, release.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero), release);
    }

    [Fact]
    public void A_reminder_raised_after_midnight_waits_until_eight_the_same_morning()
    {
        Assert.Equal(Shanghai(11, 8), QuietHours.Default.ReleaseAt(NoticePurpose.Reminders, Shanghai(11, 3, 15)));
    }

    [Fact]
    public void A_reminder_raised_in_the_day_and_any_servicing_notice_go_at_once()
    {
        Assert.Equal(Shanghai(10, 8), QuietHours.Default.ReleaseAt(NoticePurpose.Reminders, Shanghai(10, 8)));
        Assert.Equal(Shanghai(10, 23), QuietHours.Default.ReleaseAt(NoticePurpose.Servicing, Shanghai(10, 23)));
        Assert.False(QuietHours.Holds(NoticePurpose.Servicing));
    }

    [Fact]
    public void Quiet_hours_within_one_day_and_none_at_all_are_both_possible()
    {
        var afternoon = new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0), China);
        Assert.True(afternoon.Contains(Shanghai(10, 13)));
        Assert.False(afternoon.Contains(Shanghai(10, 22)));
        Assert.Equal(Shanghai(10, 14), afternoon.ReleaseAt(NoticePurpose.Reminders, Shanghai(10, 12, 30)));

        var none = new QuietHours(new TimeOnly(8, 0), new TimeOnly(8, 0), China);
        Assert.False(none.Contains(Shanghai(10, 23)));
    }
}
