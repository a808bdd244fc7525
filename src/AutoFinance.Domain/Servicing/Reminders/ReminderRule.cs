namespace AutoFinance.Domain.Servicing.Reminders;

/// <summary>One reminder rule: a kind and how many days from the due date (0 for <see cref="ReminderKind.OnDueDate"/>, 1 or more otherwise).</summary>
public sealed record ReminderRule
{
    public ReminderRule(ReminderKind kind, int days = 0)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a reminder kind.");
        }

        if (kind == ReminderKind.OnDueDate ? days != 0 : days < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "A due-date reminder is 0 days from it; the others 1 day or more.");
        }

        Kind = kind;
        Days = days;
    }

    public ReminderKind Kind { get; }

    public int Days { get; }

    /// <summary>The date this rule sends a reminder for an instalment due on <paramref name="dueDate"/>.</summary>
    public DateOnly ScheduledFor(DateOnly dueDate) => Kind switch
    {
        ReminderKind.BeforeDue => dueDate.AddDays(-Days),
        ReminderKind.AfterMiss => dueDate.AddDays(Days),
        _ => dueDate,
    };
}
