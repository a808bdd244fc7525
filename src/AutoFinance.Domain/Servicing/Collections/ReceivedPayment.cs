namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>A payment received on a loan, by business date.</summary>
public readonly record struct ReceivedPayment(DateOnly On, decimal Amount);
