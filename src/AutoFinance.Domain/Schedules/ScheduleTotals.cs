namespace AutoFinance.Domain.Schedules;

/// <summary>Column sums of a schedule.</summary>
public readonly record struct ScheduleTotals(decimal Payment, decimal Principal, decimal Interest, decimal Fees);
