namespace AutoFinance.Infrastructure.Notifications;

/// <summary>A customer's choice for one purpose on one channel; a purpose and channel with no row keep the default.</summary>
public sealed class NotificationPreferenceRow
{
    public Guid CustomerId { get; set; }

    /// <summary>servicing, reminders or marketing.</summary>
    public required string Purpose { get; set; }

    /// <summary>in-app, sms or email.</summary>
    public required string Channel { get; set; }

    public bool Enabled { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
