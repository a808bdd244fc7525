using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Origination;

/// <summary>
/// The prices of a product: a base annual rate per risk grade, adjustments by term, method and vehicle condition,
/// and the sponsored promotions. Rates are fractions. A grade missing from <see cref="GradeRates"/> is not priced:
/// nothing is offered to it.
/// </summary>
/// <remarks>
/// The defaults are a plausible card for a Chinese auto-finance lender in CNY: from 3.99% for the best grade (near the
/// five-year loan prime rate, where bank car loans sit) to 12.99% for grade F, the range of captive and independent
/// auto-finance companies; grade G is not priced. Longer terms, balloon plans and used cars carry a premium.
/// </remarks>
public sealed record RateCard
{
    public static RateCard Default { get; } = new();

    public IReadOnlyDictionary<string, decimal> GradeRates { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["A"] = 0.0399m,
        ["B"] = 0.0499m,
        ["C"] = 0.0599m,
        ["D"] = 0.0799m,
        ["E"] = 0.0999m,
        ["F"] = 0.1299m,
    };

    /// <summary>Added to the grade rate for a term (missing terms add nothing).</summary>
    public IReadOnlyDictionary<int, decimal> TermAdjustments { get; init; } = new Dictionary<int, decimal>
    {
        [48] = 0.0025m,
        [60] = 0.0050m,
    };

    /// <summary>Added to the grade rate for a repayment method (missing methods add nothing).</summary>
    public IReadOnlyDictionary<RepaymentMethod, decimal> MethodAdjustments { get; init; } = new Dictionary<RepaymentMethod, decimal>
    {
        [RepaymentMethod.Balloon] = 0.0050m,
    };

    /// <summary>Added to the grade rate for a used vehicle.</summary>
    public decimal UsedVehicleAdjustment { get; init; } = 0.0100m;

    public IReadOnlyList<Promotion> Promotions { get; init; } = [];

    public bool IsPriced(string grade) => GradeRates.ContainsKey(grade);

    /// <summary>The card rate of a plan for a grade: the grade's rate plus every adjustment that applies, never below 0; null when the grade is not priced.</summary>
    public decimal? CardRate(string grade, FinancingRequest plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return CardRate(grade, plan, PlanVariation.Of(plan));
    }

    /// <summary>The card rate of a variation of a plan.</summary>
    internal decimal? CardRate(string grade, FinancingRequest request, PlanVariation plan)
    {
        ArgumentNullException.ThrowIfNull(grade);
        if (!GradeRates.TryGetValue(grade, out var rate))
        {
            return null;
        }

        if (TermAdjustments.TryGetValue(plan.TermMonths, out var termAdjustment))
        {
            rate += termAdjustment;
        }

        if (MethodAdjustments.TryGetValue(plan.Method, out var methodAdjustment))
        {
            rate += methodAdjustment;
        }

        if (request.Condition == VehicleCondition.Used)
        {
            rate += UsedVehicleAdjustment;
        }

        return Math.Max(rate, 0m);
    }
}
