namespace AutoFinance.Domain.Schedules;

/// <summary>One row of a repayment schedule. Payment = principal + interest + fee; balance is what remains after it.</summary>
public readonly record struct Installment(
    int Number,
    DateOnly DueDate,
    decimal Payment,
    decimal Principal,
    decimal Interest,
    decimal Fee,
    decimal Balance);
