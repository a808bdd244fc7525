namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// A message to a customer (or, in its inbox, to a dealer) written in the same transaction as the event that caused it and delivered later by the
/// dispatcher; the de-duplication key makes a rerun of the event write it once, and the receiver can use the id to
/// drop a repeat delivery.
/// </summary>
public sealed class OutboxMessageRow
{
    public Guid Id { get; set; }

    public required string DedupeKey { get; set; }

    public Guid? LoanId { get; set; }

    public Guid? CustomerId { get; set; }

    /// <summary>The dealer an in-app message is for (its payouts' failures and returns); none for a customer's.</summary>
    public Guid? DealerId { get; set; }

    /// <summary>sms, email or in-app.</summary>
    public required string Channel { get; set; }

    public required string Language { get; set; }

    /// <summary>The event's name ("payment.received"); older rows name a reminder kind ("reminder.BeforeDue").</summary>
    public required string Template { get; set; }

    /// <summary>The version of the template file the text was written from (0 for rows written before templates had versions).</summary>
    public int TemplateVersion { get; set; }

    /// <summary>servicing, reminders or marketing: what quiet hours and preferences go by.</summary>
    public string Purpose { get; set; } = "servicing";

    /// <summary>The e-mail subject and inbox title; none for SMS.</summary>
    public string? Subject { get; set; }

    /// <summary>The text: the SMS itself, the e-mail body, or for the inbox the title on the first line and then the text.</summary>
    public required string Body { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }
}
