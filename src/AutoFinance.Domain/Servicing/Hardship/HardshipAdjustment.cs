namespace AutoFinance.Domain.Servicing.Hardship;

/// <summary>
/// What a hardship plan changes, for the customer's letter and for the ledger.
/// </summary>
/// <remarks>
/// Posting the plan: <see cref="CapitalisedInterest"/> becomes principal. When it has not been accrued yet, first
/// Dr interest receivable / Cr interest income; then Dr loan principal receivable / Cr interest receivable (a
/// capitalisation entry). The unpaid instalments after the last paid one are replaced by <see cref="SkippedInstallments"/>
/// (owing nothing) and the new schedule's rows. Fees and penalty interest already due are not touched by the plan.
/// </remarks>
/// <param name="OutstandingPrincipal">The principal owed when the plan starts.</param>
/// <param name="CapitalisedInterest">Interest added to the principal (whole minor units).</param>
/// <param name="SkippedInstallments">The instalments a payment holiday skips (none for other plans).</param>
/// <param name="PreviousPayment">The next payment the old schedule asked for.</param>
/// <param name="NewPayment">The first payment of the new schedule.</param>
/// <param name="PreviousMaturity">The old schedule's last due date.</param>
/// <param name="NewMaturity">The new schedule's last due date.</param>
public sealed record HardshipAdjustment(
    decimal OutstandingPrincipal,
    decimal CapitalisedInterest,
    IReadOnlyList<SkippedInstallment> SkippedInstallments,
    decimal PreviousPayment,
    decimal NewPayment,
    DateOnly PreviousMaturity,
    DateOnly NewMaturity)
{
    /// <summary>The principal of the new schedule: outstanding principal plus capitalised interest.</summary>
    public decimal NewPrincipal => OutstandingPrincipal + CapitalisedInterest;
}
