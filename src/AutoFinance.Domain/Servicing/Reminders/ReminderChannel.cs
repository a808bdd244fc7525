namespace AutoFinance.Domain.Servicing.Reminders;

/// <summary>How a reminder reaches the customer.</summary>
public enum ReminderChannel
{
    Sms,
    Email,
    InApp,
}
