namespace AutoFinance.Domain.Servicing.EarlyWarning;

/// <summary>How one instalment was paid, as payment history keeps it.</summary>
/// <param name="MaxDaysPastDue">The most days past due it reached: 0 when paid in full by its due date; for one still unpaid, its days past due now.</param>
/// <param name="PartialPayments">Payments that left it partly unpaid.</param>
public sealed record InstallmentRecord(int Number, DateOnly DueDate, int MaxDaysPastDue, int PartialPayments = 0);
