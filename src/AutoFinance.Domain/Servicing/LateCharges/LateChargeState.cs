namespace AutoFinance.Domain.Servicing.LateCharges;

/// <summary>
/// What has been charged for lateness on one instalment, kept between end-of-day runs: the last business date whose
/// penalty day is counted, the penalty accrued (unrounded, see <see cref="PenaltyInterest.Precision"/>) and posted
/// (whole minor units), and whether the late fee was charged.
/// </summary>
/// <remarks>
/// Store all five fields; a run reads the state, calls <see cref="LateChargeCalculator.Accrue"/> and saves the
/// returned state in the same transaction as the postings it returns. The penalty posted is always round(accrued),
/// so the postings add up exactly whatever the number of runs.
/// </remarks>
public readonly record struct LateChargeState(
    int InstallmentNumber,
    DateOnly DueDate,
    DateOnly AccruedThrough,
    decimal PenaltyAccrued,
    decimal PenaltyPosted,
    bool FeeCharged)
{
    /// <summary>The state of an instalment on its due date: nothing accrued, nothing charged.</summary>
    public static LateChargeState Start(int installmentNumber, DateOnly dueDate) => new(installmentNumber, dueDate, dueDate, 0m, 0m, false);

    /// <summary>The state of an instalment on its due date.</summary>
    public static LateChargeState Start(InstallmentDue due) => Start(due.Number, due.DueDate);
}
