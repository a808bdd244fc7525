namespace AutoFinance.Domain.Servicing.Reminders;

/// <summary>
/// A message template: a subject (e-mail and in-app title; none for SMS) and a body, with placeholders
/// {installment}, {amount}, {dueDate} and {days}.
/// </summary>
public sealed record ReminderTemplate(string? Subject, string Body);
