using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Domain.Products;

/// <summary>
/// A product's servicing rules as configured with the product: the order a payment settles the parts of what is due
/// (and whether the oldest instalment is settled whole first or each part across instalments), what lateness costs,
/// and the day count interest accrues by. A part left unset takes the standard rule.
/// </summary>
public sealed record ProductServicing
{
    public static readonly ProductServicing Standard = new();

    /// <summary>The parts of what is due in the order a payment settles them, each once (fees, penalty, interest, principal unless set).</summary>
    public IReadOnlyList<DueComponent>? AllocationOrder { get; init; }

    public AllocationSequence? AllocationSequence { get; init; }

    public LateChargeTerms? LateCharges { get; init; }

    /// <summary>What early repayment costs a loan of this product (nothing unless set); payoff quotes and prepayments charge it.</summary>
    public PrepaymentTerms? Prepayment { get; init; }

    /// <summary>The day count a booked loan accrues its interest by (the offer's schedule default unless set).</summary>
    public DayCountConvention? DayCount { get; init; }

    /// <summary>The servicing terms of a loan of this product: <paramref name="defaults"/> with what the product sets.</summary>
    public ServicingTerms Apply(ServicingTerms defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var allocation = AllocationOrder is null && AllocationSequence is null
            ? defaults.Allocation
            : new AllocationOrder(AllocationOrder ?? defaults.Allocation.Components, AllocationSequence ?? defaults.Allocation.Sequence);
        return defaults with { Allocation = allocation, LateCharges = LateCharges ?? defaults.LateCharges, Prepayment = Prepayment ?? defaults.Prepayment };
    }
}
