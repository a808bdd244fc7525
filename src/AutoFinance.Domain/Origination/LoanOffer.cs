using AutoFinance.Domain.Disclosure;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Origination;

/// <summary>
/// One plan offered to the applicant, priced, with its schedule and disclosure. Amounts are in the product's currency
/// and agree to the cent with <see cref="Schedule"/>; rates are fractions except <see cref="AprPercent"/>.
/// </summary>
public sealed record LoanOffer
{
    private Tuple<RepaymentSchedule, LoanDisclosure>? disclosed;

    /// <summary>1 for the first offer in the order asked for.</summary>
    public required int Rank { get; init; }

    /// <summary>Whether this is exactly the plan asked for (term, method and down payment).</summary>
    public required bool IsRequestedPlan { get; init; }

    public required int TermMonths { get; init; }

    public required RepaymentMethod Method { get; init; }

    /// <summary>The final balloon as a fraction of the principal (balloon plans only).</summary>
    public required decimal BalloonFraction { get; init; }

    public required decimal DownPayment { get; init; }

    /// <summary>The amount lent: the vehicle price less the down payment.</summary>
    public required decimal Principal { get; init; }

    /// <summary>The nominal annual rate the customer pays.</summary>
    public required decimal AnnualRate { get; init; }

    /// <summary>The grade's card rate for this plan, before any promotion.</summary>
    public required decimal CardRate { get; init; }

    public Promotion? Promotion { get; init; }

    public string? PromotionName => Promotion?.Name;

    /// <summary>What the promotion's sponsor pays the lender for this plan (see <see cref="Pricing"/>); 0 without one.</summary>
    public required decimal Subsidy { get; init; }

    public required decimal FirstPayment { get; init; }

    /// <summary>The largest instalment, a final balloon included.</summary>
    public required decimal MaxPayment { get; init; }

    public required decimal FinalPayment { get; init; }

    /// <summary>The payment tested against income and used for ranking (<see cref="PlanPayments.Assessed"/>).</summary>
    public required decimal AssessedPayment { get; init; }

    public required decimal TotalInterest { get; init; }

    public required decimal TotalFees { get; init; }

    /// <summary>Every instalment plus any charge paid at signing: what the customer pays back in all.</summary>
    public required decimal TotalRepayable { get; init; }

    /// <summary>The annualised rate of the real cash flows in percent (monthly IRR × 12), to 6 decimals as disclosed.</summary>
    public required decimal AprPercent { get; init; }

    public required RepaymentSchedule Schedule { get; init; }

    /// <summary>Interest plus fees: what the plan costs beyond the principal.</summary>
    public decimal TotalCost => TotalInterest + TotalFees;

    /// <summary>
    /// The full disclosure of the plan (<see cref="DisclosureBuilder"/>), built from <see cref="Schedule"/> the first time
    /// it is read and kept: building one costs more than the rest of the offer, and many offers are shown as a summary.
    /// </summary>
    public LoanDisclosure Disclosure
    {
        get
        {
            var built = disclosed;
            if (built is null || !ReferenceEquals(built.Item1, Schedule))
            {
                built = Tuple.Create(Schedule, DisclosureBuilder.Build(Schedule));
                disclosed = built;
            }

            return built.Item2;
        }
    }
}
