using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Origination;

/// <summary>
/// A low- or zero-rate offer subsidised by a sponsor (usually the manufacturer, 厂家贴息): plans it applies to are
/// lent at <see cref="AnnualRate"/> and the sponsor pays the lender the interest given up (<see cref="PricedRate.Subsidy"/>).
/// A filter left null matches everything.
/// </summary>
public sealed record Promotion
{
    public required string Code { get; init; }

    /// <summary>The name customers see ("0% for 24 months on the Model 3").</summary>
    public required string Name { get; init; }

    /// <summary>Who pays the subsidy.</summary>
    public required string Sponsor { get; init; }

    /// <summary>The promotional annual rate as a fraction (0 for a zero-rate offer).</summary>
    public required decimal AnnualRate { get; init; }

    /// <summary>The longest term the promotion covers.</summary>
    public required int MaxTermMonths { get; init; }

    /// <summary>The make it applies to, compared ignoring case; null for any.</summary>
    public string? Make { get; init; }

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

    /// <summary>Whether the promotion covers the plan on the pricing date.</summary>
    public bool AppliesTo(FinancingRequest plan, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.TermMonths <= MaxTermMonths
            && (Make is null || string.Equals(Make, plan.Make, StringComparison.OrdinalIgnoreCase))
            && (Energy is null || Energy == plan.Energy)
            && (Condition is null || Condition == plan.Condition)
            && (Methods is null || Methods.Contains(plan.Method))
            && plan.DownPayment >= MinDownPaymentFraction * plan.VehiclePrice
            && (ValidFrom is null || date >= ValidFrom)
            && (ValidTo is null || date <= ValidTo);
    }
}
