using AutoFinance.Domain.Notifications;

namespace AutoFinance.Domain.Tests.Notifications;

public class NotificationPreferencesTests
{
    [Fact]
    public void By_default_servicing_and_reminders_use_every_channel_and_marketing_none()
    {
        var defaults = NotificationPreferences.Default;

        Assert.Equal([NoticeChannel.InApp, NoticeChannel.Sms, NoticeChannel.Email], defaults.ChannelsFor(NoticePurpose.Servicing, hasMobile: true, canEmail: true));
        Assert.Equal([NoticeChannel.InApp, NoticeChannel.Sms, NoticeChannel.Email], defaults.ChannelsFor(NoticePurpose.Reminders, hasMobile: true, canEmail: true));
        Assert.Empty(defaults.ChannelsFor(NoticePurpose.Marketing, hasMobile: true, canEmail: true));
    }

    [Fact]
    public void A_channel_the_customer_cannot_be_reached_on_is_left_out()
    {
        Assert.Equal([NoticeChannel.InApp, NoticeChannel.Sms], NotificationPreferences.Default.ChannelsFor(NoticePurpose.Servicing, hasMobile: true, canEmail: false));
        Assert.Equal([NoticeChannel.InApp], NotificationPreferences.Default.ChannelsFor(NoticePurpose.Reminders, hasMobile: false, canEmail: false));
    }

    [Fact]
    public void A_customer_who_turns_off_reminder_texts_still_gets_them_in_the_inbox_and_still_gets_servicing_texts()
    {
        var preferences = NotificationPreferences.Default.With(NoticePurpose.Reminders, NoticeChannel.Sms, false);

        Assert.Equal([NoticeChannel.InApp, NoticeChannel.Email], preferences.ChannelsFor(NoticePurpose.Reminders, true, true));
        Assert.Contains(NoticeChannel.Sms, preferences.ChannelsFor(NoticePurpose.Servicing, true, true));
    }

    [Fact]
    public void Servicing_notices_always_stay_in_the_inbox_and_marketing_comes_only_when_asked_for()
    {
        var preferences = NotificationPreferences.Default
            .With(NoticePurpose.Servicing, NoticeChannel.InApp, false)
            .With(NoticePurpose.Marketing, NoticeChannel.Email, true);

        Assert.True(preferences.Wants(NoticePurpose.Servicing, NoticeChannel.InApp));
        Assert.True(NotificationPreferences.IsFixed(NoticePurpose.Servicing, NoticeChannel.InApp));
        Assert.Equal([NoticeChannel.Email], preferences.ChannelsFor(NoticePurpose.Marketing, true, true));
    }

    [Fact]
    public void Reminders_and_promises_are_reminders_and_every_other_event_is_servicing()
    {
        Assert.Equal(NoticePurpose.Reminders, NoticeEvent.PaymentOverdue.PurposeOf());
        Assert.Equal(NoticePurpose.Reminders, NoticeEvent.PromiseToPayDue.PurposeOf());
        Assert.Equal(NoticePurpose.Servicing, NoticeEvent.DecisionApproved.PurposeOf());
        Assert.Equal(NoticePurpose.Servicing, NoticeEvent.PaymentReceived.PurposeOf());
        Assert.All(NoticeEvents.All, e => Assert.Equal(e, NoticeEvents.FromName(e.ToName())));
    }
}
