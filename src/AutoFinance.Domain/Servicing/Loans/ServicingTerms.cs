using AutoFinance.Domain.Products;
using AutoFinance.Domain.Servicing.LateCharges;

namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>
/// The product's servicing rules for one loan: the payment waterfall, what lateness costs and from which day the
/// penalty counts, what early repayment costs, the delinquency buckets and the days past due at which what is left
/// is written off.
/// </summary>
public sealed record ServicingTerms
{
    public static readonly ServicingTerms Default = new();

    public AllocationOrder Allocation { get; init; } = AllocationOrder.Default;

    public LateChargeTerms LateCharges { get; init; } = LateChargeTerms.Default;

    /// <summary>Penalty days counted only after the grace days, unless the product says from the due date.</summary>
    public PenaltyStart PenaltyStart { get; init; } = PenaltyStart.AfterGrace;

    public PrepaymentTerms Prepayment { get; init; } = PrepaymentTerms.None;

    public DelinquencyBuckets Buckets { get; init; } = DelinquencyBuckets.Default;

    public int ChargeOffDays { get; init; } = 180;
}
