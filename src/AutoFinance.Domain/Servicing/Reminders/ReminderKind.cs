namespace AutoFinance.Domain.Servicing.Reminders;

/// <summary>When a reminder is sent relative to an instalment's due date.</summary>
public enum ReminderKind
{
    /// <summary>Some days before the due date.</summary>
    BeforeDue,

    /// <summary>On the due date.</summary>
    OnDueDate,

    /// <summary>Some days after a missed due date, while the instalment is still unpaid.</summary>
    AfterMiss,
}

/// <summary>The stable names of reminder kinds ("before-due", "on-due", "after-miss").</summary>
public static class ReminderKinds
{
    public static string ToName(this ReminderKind kind) => kind switch
    {
        ReminderKind.BeforeDue => "before-due",
        ReminderKind.OnDueDate => "on-due",
        ReminderKind.AfterMiss => "after-miss",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
