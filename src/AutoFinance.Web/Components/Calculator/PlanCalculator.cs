using AutoFinance.Domain.Disclosure;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Web.Components.Calculator;

/// <summary>One plan the customer wants to see: term, method, and the method's own figure (balloon share, flat fee).</summary>
public sealed record PlanInput(int TermMonths, RepaymentMethod Method, decimal BalloonPercent, decimal FlatFeePercent);

/// <summary>What the calculator is asked: the car, the down payment, an indicative risk grade, and up to three plans.</summary>
public sealed record CalculatorInput(
    decimal VehiclePrice,
    decimal DownPayment,
    VehicleCondition Condition,
    VehicleEnergy Energy,
    string Make,
    int VehicleYear,
    string Grade,
    IReadOnlyList<PlanInput> Plans);

/// <summary>A priced plan: its rate, the engine's schedule and disclosure, and the product rules it would not meet.</summary>
public sealed record PlanResult(PlanInput Input, decimal AnnualRate, string? Promotion, RepaymentSchedule Schedule, LoanDisclosure Disclosure, IReadOnlyList<string> PolicyNotes)
{
    /// <summary>The promotion that priced the plan, whose conditions the page words for the customer.</summary>
    public Promotion? PromotionTerms { get; init; }

    public decimal Principal => Schedule.Terms.LoanPrincipal;

    public decimal FirstPayment => Schedule.Installments[0].Payment;

    public decimal RegularPayment => Disclosure.Payments.RegularAmount;

    public decimal FinalPayment => Schedule.Last.Payment;
}

/// <summary>
/// The plan calculator: each plan priced from the product's rate card for the indicative grade (with any sponsored
/// promotion that applies, exactly as an offer is priced) and scheduled and disclosed by the domain engine from
/// today, the first instalment a month later. A flat-fee plan carries no interest and the stated fee, spread over
/// its instalments, so its true annualised rate can be seen beside the fee rate. Nothing here is rounded or estimated
/// apart from the engine's own rules.
/// </summary>
public static class PlanCalculator
{
    public const int MaxPlans = 3;

    /// <summary>Notes name product rules a plan would not meet: <c>term-cap</c>, <c>ltv-cap</c>, <c>loan-amount</c>, <c>term-allowed</c>, <c>method-allowed</c>.</summary>
    public static (IReadOnlyList<PlanResult> Plans, IReadOnlyList<FieldError> Errors) Compute(CalculatorInput input, ProductPolicy policy, RateCard rateCard, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(rateCard);
        var errors = new List<FieldError>();
        if (input.VehiclePrice < 10_000m || input.VehiclePrice > 10_000_000m || decimal.Round(input.VehiclePrice, 2) != input.VehiclePrice)
        {
            errors.Add(new("price", "between 10000 and 10000000, to the cent", "calc.price"));
        }

        if (input.DownPayment < 0m || input.DownPayment >= input.VehiclePrice || decimal.Round(input.DownPayment, 2) != input.DownPayment)
        {
            errors.Add(new("down", "at least 0 and less than the price, to the cent", "calc.down"));
        }

        if (!rateCard.IsPriced(input.Grade))
        {
            errors.Add(new("grade", "not a priced grade", "calc.grade"));
        }

        for (var i = 0; i < input.Plans.Count; i++)
        {
            var plan = input.Plans[i];
            if (plan.TermMonths is < 3 or > 120)
            {
                errors.Add(new($"p{i + 1}t", "between 3 and 120 months", "calc.term"));
            }

            if (plan.Method == RepaymentMethod.Balloon && plan.BalloonPercent is <= 0m or >= 100m)
            {
                errors.Add(new($"p{i + 1}b", "above 0 and below 100", "calc.balloon"));
            }

            if (plan.Method == RepaymentMethod.FlatFee && plan.FlatFeePercent < 0m)
            {
                errors.Add(new($"p{i + 1}f", "zero or more", "calc.fee"));
            }
            else if (plan.Method == RepaymentMethod.FlatFee && plan.TermMonths >= 1
                && FlatFeeLimit.Check(FlatFee.TotalPercent(plan.FlatFeePercent, FeeTiming.Spread), plan.TermMonths, $"p{i + 1}f") is { } tooHigh)
            {
                errors.Add(tooHigh);
            }
        }

        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var results = new List<PlanResult>(input.Plans.Count);
        foreach (var plan in input.Plans.Take(MaxPlans))
        {
            var financing = new FinancingRequest
            {
                VehiclePrice = input.VehiclePrice,
                DownPayment = input.DownPayment,
                TermMonths = plan.TermMonths,
                Method = plan.Method,
                BalloonFraction = plan.Method == RepaymentMethod.Balloon ? plan.BalloonPercent / 100m : 0m,
                Condition = input.Condition,
                Energy = input.Energy,
                Make = input.Make,
                VehicleYear = input.VehicleYear,

                // Pricing reads neither the borrower's age nor income; they matter only to the decision.
                BirthDate = today.AddYears(-30),
                MonthlyIncome = 0m,
                ApplicationDate = today,
            };

            LoanTerms terms;
            decimal rate;
            Promotion? promotion = null;
            if (plan.Method == RepaymentMethod.FlatFee)
            {
                rate = 0m;
                terms = financing.ToLoanTerms(0m, today, policy.Currency) with { FlatFee = FlatFee.TotalPercent(plan.FlatFeePercent, FeeTiming.Spread) };
            }
            else
            {
                var priced = Pricing.Price(input.Grade, financing, rateCard, today, policy.Currency)!;
                rate = priced.AnnualRate;
                promotion = priced.Promotion;
                terms = financing.ToLoanTerms(rate, today, policy.Currency);
            }

            var schedule = ScheduleBuilder.Build(terms);
            results.Add(new PlanResult(plan, rate, promotion?.Name, schedule, DisclosureBuilder.Build(schedule), Notes(financing, policy)) { PromotionTerms = promotion });
        }

        return (results, []);
    }

    private static List<string> Notes(FinancingRequest plan, ProductPolicy policy)
    {
        var notes = new List<string>();
        if (plan.TermMonths > policy.MaxTermFor(plan.Condition))
        {
            notes.Add("term-cap");
        }

        if (plan.LoanAmount > policy.MaxLoanByLtv(plan.Category, plan.VehiclePrice))
        {
            notes.Add("ltv-cap");
        }

        if (plan.LoanAmount < policy.MinLoanAmount || plan.LoanAmount > policy.MaxLoanAmount)
        {
            notes.Add("loan-amount");
        }

        if (!policy.AllowedTerms.Contains(plan.TermMonths))
        {
            notes.Add("term-allowed");
        }

        if (!policy.AllowedMethods.Contains(plan.Method))
        {
            notes.Add("method-allowed");
        }

        return notes;
    }
}
