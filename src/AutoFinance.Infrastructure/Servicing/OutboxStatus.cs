namespace AutoFinance.Infrastructure.Servicing;

/// <summary>Where a message in the outbox stands.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its next attempt (the first, a retry, or the end of quiet hours).</summary>
    Pending,

    /// <summary>Delivered to its channel.</summary>
    Sent,

    /// <summary>Given up after the last retry.</summary>
    Failed,
}
