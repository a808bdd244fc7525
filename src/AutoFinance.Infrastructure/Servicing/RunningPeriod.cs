namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// What a quiet loan's daily accrual reads of its running instalment: its number, the period it accrues over and the
/// interest scheduled on it. The close reads it from the instalment rows and keeps it on the loan's row
/// (<see cref="LoanRow.RunningPeriodStart"/>), where it stays true for as long as the instalment rows are not
/// written, which only the aggregate does, clearing it (<see cref="Forget"/>). While it is kept, the loan is quiet
/// on any date whose reminder horizon ends before the due date (the close's statements ask this of the row): every
/// instalment before the running one had fallen due and was settled when the close last found the loan quiet, and
/// every one after it falls due later.
/// </summary>
public readonly record struct RunningPeriod(int Number, DateOnly Start, DateOnly DueDate, decimal Interest)
{
    /// <summary>The period the loan's row keeps, when it keeps one for the instalment whose interest it keeps.</summary>
    public static RunningPeriod? KeptBy(int? installment, DateOnly? start, DateOnly? dueDate, decimal interest) =>
        installment is { } number && start is { } from && dueDate is { } due ? new RunningPeriod(number, from, due, interest) : null;

    /// <summary>Clears what the loan's row keeps of its running period.</summary>
    public static void Forget(LoanRow loan)
    {
        ArgumentNullException.ThrowIfNull(loan);
        loan.RunningPeriodStart = null;
        loan.RunningDueDate = null;
        loan.RunningScheduledInterest = 0m;
    }
}
