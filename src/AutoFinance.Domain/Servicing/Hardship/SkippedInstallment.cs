namespace AutoFinance.Domain.Servicing.Hardship;

/// <summary>An instalment a payment holiday skips: it keeps its number and due date and owes nothing.</summary>
public readonly record struct SkippedInstallment(int Number, DateOnly DueDate);
