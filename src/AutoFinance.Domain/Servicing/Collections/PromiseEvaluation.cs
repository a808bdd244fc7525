namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>A promise's status on a business date, what was paid towards it, and the date it was kept on, if it was.</summary>
public sealed record PromiseEvaluation(PromiseStatus Status, decimal Paid, decimal Shortfall, DateOnly? KeptOn);
