namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>A payment received on a loan, by business date, and when the lender recorded it (when known).</summary>
public readonly record struct ReceivedPayment(DateOnly On, decimal Amount, DateTimeOffset? ReceivedAt = null);
