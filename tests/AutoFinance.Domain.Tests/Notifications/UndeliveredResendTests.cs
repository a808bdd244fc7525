using AutoFinance.Domain.Notifications;

namespace AutoFinance.Domain.Tests.Notifications;

public class UndeliveredResendTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(30.0, true)]
    [InlineData(400.0, true)]
    public void What_happened_to_the_customers_own_affairs_is_sent_however_late(double daysOld, bool worth) =>
        Assert.Equal(worth, UndeliveredResend.WorthSending(NoticePurpose.Servicing, Now.AddDays(-daysOld), Now));

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(0.5, true)]
    [InlineData(1.0, true)]
    [InlineData(1.01, false)]
    [InlineData(7.0, false)]
    public void A_reminder_is_sent_again_only_within_a_day_of_being_written(double daysOld, bool worth) =>
        Assert.Equal(worth, UndeliveredResend.WorthSending(NoticePurpose.Reminders, Now.AddDays(-daysOld), Now));

    [Fact]
    public void An_offer_is_never_sent_again_however_fresh() =>
        Assert.False(UndeliveredResend.WorthSending(NoticePurpose.Marketing, Now, Now));
}
