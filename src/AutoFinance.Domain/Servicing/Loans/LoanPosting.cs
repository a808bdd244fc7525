using AutoFinance.Domain.Payoff;

namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>
/// Money put on a loan's instalments, kept so it can be undone exactly and applied again after a reversal: what came
/// in (<see cref="Amount"/>: cash for a payment or payoff, credit for a credit application), how it was split, what
/// was prepaid (and its fee), what was kept as credit, the credit a payoff used, and the instalments a prepayment
/// re-planned as they were before.
/// </summary>
public sealed record LoanPosting
{
    public required Guid Id { get; init; }

    public required PostingKind Kind { get; init; }

    public required decimal Amount { get; init; }

    public required DateOnly PaidOn { get; init; }

    public SurplusChoice Surplus { get; init; } = SurplusChoice.Hold;

    public ReamortisationMode Mode { get; init; } = ReamortisationMode.KeepTerm;

    public IReadOnlyList<InstallmentAllocation> Parts { get; init; } = [];

    public decimal Prepaid { get; init; }

    public decimal PrepaymentFee { get; init; }

    /// <summary>The surplus kept as credit.</summary>
    public decimal Held { get; init; }

    /// <summary>Credit a payoff used besides the cash.</summary>
    public decimal CreditUsed { get; init; }

    /// <summary>The instalments a prepayment re-planned, as they were (null when nothing was re-planned).</summary>
    public IReadOnlyList<Schedules.Installment>? ScheduleBefore { get; init; }

    public decimal Allocated => Parts.Sum(p => p.Total);
}
