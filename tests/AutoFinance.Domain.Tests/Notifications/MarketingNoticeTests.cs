using AutoFinance.Domain.Notifications;

namespace AutoFinance.Domain.Tests.Notifications;

/// <summary>Marketing: its own purpose, held in quiet hours, sent only where consented and not switched off, and capped.</summary>
public class MarketingNoticeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_offer_is_marketing_and_waits_for_eight_when_raised_at_night()
    {
        Assert.Equal(NoticePurpose.Marketing, NoticeEvent.MarketingOffer.PurposeOf());
        var night = new DateTimeOffset(2026, 3, 10, 22, 30, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 8, 0, 0, TimeSpan.FromHours(8)), QuietHours.Default.ReleaseAt(NoticePurpose.Marketing, night));
    }

    [Fact]
    public void A_restricted_notice_goes_only_to_the_consented_channels_the_customer_did_not_switch_off_and_can_be_reached_on()
    {
        var preferences = NotificationPreferences.Default.With(NoticePurpose.Marketing, NoticeChannel.Email, false);
        Assert.Equal([NoticeChannel.InApp, NoticeChannel.Sms], preferences.ChannelsAmong([NoticeChannel.Sms, NoticeChannel.Email, NoticeChannel.InApp], NoticePurpose.Marketing, hasMobile: true, canEmail: true));
        Assert.Equal([NoticeChannel.InApp], preferences.ChannelsAmong([NoticeChannel.Sms, NoticeChannel.InApp], NoticePurpose.Marketing, hasMobile: false, canEmail: true));
        Assert.Empty(NotificationPreferences.Default.ChannelsAmong([], NoticePurpose.Marketing, hasMobile: true, canEmail: true));
        Assert.True(preferences.Refuses(NoticePurpose.Marketing, NoticeChannel.Email));
        Assert.False(preferences.Refuses(NoticePurpose.Marketing, NoticeChannel.Sms));
    }

    [Theory]
    [InlineData(new int[0], true)]
    [InlineData(new[] { 3 }, true)]
    [InlineData(new[] { 3, 29 }, false)]
    [InlineData(new[] { 3, 31 }, true)]
    public void At_most_two_campaigns_reach_a_customer_in_thirty_days(int[] daysAgo, bool allowed) =>
        Assert.Equal(allowed, MarketingFrequencyCap.Default.Allows(daysAgo.Select(d => Now.AddDays(-d)), Now));
}
