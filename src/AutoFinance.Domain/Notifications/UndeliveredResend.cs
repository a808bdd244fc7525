namespace AutoFinance.Domain.Notifications;

/// <summary>
/// Which of the messages the platform gave up on (after their retries) are still worth sending once the channel works
/// again. What happened to the customer's own affairs (a receipt, a decision, a change of consent) stays true and is
/// sent however late. A reminder is about a moment: one written more than a day before is left undelivered, as "due in
/// three days" a week late would mislead. An offer is never sent again: the customer may have stopped offers since,
/// and a campaign can be run again under the consents of its day.
/// </summary>
public static class UndeliveredResend
{
    public static TimeSpan ReminderFreshFor { get; } = TimeSpan.FromDays(1);

    public static bool WorthSending(NoticePurpose purpose, DateTimeOffset writtenAt, DateTimeOffset now) => purpose switch
    {
        NoticePurpose.Servicing => true,
        NoticePurpose.Reminders => now - writtenAt <= ReminderFreshFor,
        _ => false,
    };
}
