namespace AutoFinance.Domain.Servicing.Reminders;

/// <summary>A rendered reminder, ready for the outbox, with the key that keeps it from being sent twice.</summary>
public sealed record ReminderMessage(ReminderChannel Channel, string Language, string? Subject, string Body, string DeduplicationKey);
