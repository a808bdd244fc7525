namespace AutoFinance.Domain.Servicing.Accrual;

/// <summary>One business date's accrual posting and the total accrued to the end of that date.</summary>
public readonly record struct DailyAccrual(DateOnly Date, decimal Amount, decimal Cumulative);
