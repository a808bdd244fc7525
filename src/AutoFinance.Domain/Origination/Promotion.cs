using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Origination;

/// <summary>
/// A low- or zero-rate offer subsidised by a sponsor (usually the manufacturer, 厂家贴息): plans it applies to are
/// lent at <see cref="AnnualRate"/>, or at the card rate less <see cref="RateDiscount"/>, and the sponsor pays the
/// lender the interest given up (<see cref="PricedRate.Subsidy"/>). A filter left null (or an empty list) matches
/// everything.
/// </summary>
public sealed record Promotion
{
    public required string Code { get; init; }

    /// <summary>The name customers see ("0% for 24 months on the Model 3").</summary>
    public required string Name { get; init; }

    /// <summary>Who pays the subsidy.</summary>
    public required string Sponsor { get; init; }

    /// <summary>The promotional annual rate as a fraction (0 for a zero-rate offer); null when the promotion is a <see cref="RateDiscount"/>.</summary>
    public decimal? AnnualRate { get; init; }

    /// <summary>Taken off the card rate, as a fraction (0.01 for one point), never below 0; used when <see cref="AnnualRate"/> is null.</summary>
    public decimal? RateDiscount { get; init; }

    /// <summary>Whether a loan made under the promotion repays early without the product's prepayment fee (a fee waiver).</summary>
    public bool WaivesPrepaymentFee { get; init; }

    /// <summary>The longest term the promotion covers.</summary>
    public required int MaxTermMonths { get; init; }

    /// <summary>The make it applies to, compared ignoring case; null for any.</summary>
    public string? Make { get; init; }

    /// <summary>The makes it applies to, compared ignoring case; null or empty for any (as well as <see cref="Make"/>).</summary>
    public IReadOnlyList<string>? Makes { get; init; }

    /// <summary>The models it applies to, compared ignoring case; null or empty for any.</summary>
    public IReadOnlyList<string>? Models { get; init; }

    /// <summary>The terms in months it applies to; null or empty for every term up to <see cref="MaxTermMonths"/>.</summary>
    public IReadOnlyList<int>? Terms { get; init; }

    public VehicleEnergy? Energy { get; init; }

    public VehicleCondition? Condition { get; init; }

    /// <summary>The repayment methods it covers; null for any.</summary>
    public IReadOnlyList<RepaymentMethod>? Methods { get; init; }

    /// <summary>The smallest down payment it requires, as a fraction of the vehicle price.</summary>
    public decimal MinDownPaymentFraction { get; init; }

    /// <summary>First day it applies (inclusive); null for no start.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>Last day it applies (inclusive); null for no end.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>The rate a plan whose card rate is <paramref name="cardRate"/> is lent at under the promotion.</summary>
    public decimal RateFor(decimal cardRate) => AnnualRate ?? Math.Max(0m, cardRate - (RateDiscount ?? 0m));

    /// <summary>Whether the promotion is open on a date: on or after its first day and on or before its last.</summary>
    public bool IsValidOn(DateOnly date) => (ValidFrom is null || date >= ValidFrom) && (ValidTo is null || date <= ValidTo);

    /// <summary>Whether the promotion covers the plan on the pricing date.</summary>
    public bool AppliesTo(FinancingRequest plan, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return AppliesTo(plan, PlanVariation.Of(plan), date);
    }

    /// <summary>Whether the promotion covers a variation of a plan on the pricing date.</summary>
    internal bool AppliesTo(FinancingRequest request, PlanVariation plan, DateOnly date) =>
        plan.TermMonths <= MaxTermMonths
            && (Terms is not { Count: > 0 } || Terms.Contains(plan.TermMonths))
            && (Make is null || string.Equals(Make, request.Make, StringComparison.OrdinalIgnoreCase))
            && (Makes is not { Count: > 0 } || ContainsIgnoringCase(Makes, request.Make))
            && (Models is not { Count: > 0 } || ContainsIgnoringCase(Models, request.Model))
            && (Energy is null || Energy == request.Energy)
            && (Condition is null || Condition == request.Condition)
            && (Methods is null || Methods.Contains(plan.Method))
            && plan.DownPayment >= MinDownPaymentFraction * request.VehiclePrice
            && IsValidOn(date);

    private static bool ContainsIgnoringCase(IReadOnlyList<string> names, string? name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
