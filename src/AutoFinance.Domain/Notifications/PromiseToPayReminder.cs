namespace AutoFinance.Domain.Notifications;

/// <summary>
/// When a customer is reminded of a promise to pay: at the close of the day before the promised date, so the reminder
/// reaches them (after the quiet hours) on the morning of the day they promised.
/// </summary>
public static class PromiseToPayReminder
{
    public const int DaysBefore = 1;

    /// <summary>The promised date whose promises the close of <paramref name="businessDate"/> reminds.</summary>
    public static DateOnly PromisedDateToRemind(DateOnly businessDate) => businessDate.AddDays(DaysBefore);
}
