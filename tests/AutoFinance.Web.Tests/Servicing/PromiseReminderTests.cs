using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Servicing.Collections;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Servicing;

namespace AutoFinance.Web.Tests.Servicing;

/// <summary>
/// The evening before a promised date the customer is reminded of what is still to pay on the promise: nothing when
/// they have paid it since promising, the shortfall when they paid part. Money recorded before the promise was made,
/// even earlier the same Beijing day, was not paid on it.
/// </summary>
public sealed class PromiseReminderTests
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // 00:09 on 8 December in Beijing: still 7 December in UTC.
    private static readonly DateTimeOffset PromisedAt = new(2026, 12, 7, 16, 9, 0, TimeSpan.Zero);

    private static readonly LoanRow Loan = new()
    {
        Id = Guid.NewGuid(), Reference = "LN261207-00000001", CustomerId = Guid.NewGuid(), Method = "annuity", Currency = "CNY", Status = LoanStatus.Active,
    };

    private static readonly CollectionContactRow Promise = new()
    {
        Id = Guid.NewGuid(), LoanId = Loan.Id, Collector = "collector:test", ContactedAt = PromisedAt, Channel = "call", Outcome = "PTP",
        PromisedAmount = 3_188.11m, PromisedDate = new DateOnly(2026, 12, 10), PromiseStatus = PromiseStatus.Pending,
    };

    [Theory]
    [InlineData(0, 3_188.11)]
    [InlineData(1_000, 2_188.11)]
    [InlineData(3_188.11, null)]
    public void The_reminder_asks_for_what_is_still_to_pay_on_the_promise(decimal paidSince, double? asked)
    {
        ReceivedPayment[] received =
        [
            // Booked on 7 December by the bank: before the promise, in Beijing's dates too.
            new(new DateOnly(2026, 12, 7), 3_259.54m, PromisedAt.AddMinutes(-5)),
            .. paidSince > 0 ? [new ReceivedPayment(new DateOnly(2026, 12, 8), paidSince, PromisedAt.AddHours(10))] : Array.Empty<ReceivedPayment>(),
        ];

        var reminders = LoanMonitoring.PromiseReminders(Loan, [Promise], received, new DateOnly(2026, 12, 9), Beijing).ToList();

        if (asked is null)
        {
            Assert.Empty(reminders);
            return;
        }

        var reminder = Assert.Single(reminders);
        Assert.Equal(NoticeEvent.PromiseToPayDue, reminder.Event);
        Assert.Equal((decimal)asked.Value, reminder.Values["amount"]);
    }
}
