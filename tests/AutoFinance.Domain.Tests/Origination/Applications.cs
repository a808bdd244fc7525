using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Tests.Origination;

/// <summary>A typical application for tests: a 200,000 new petrol car, 30% down, 36 months of equal instalments.</summary>
internal static class Applications
{
    public static readonly DateOnly ApplicationDate = new(2026, 3, 10);

    /// <summary>The loan starts on the application date, so the last due date of a 36-month plan is 2029-03-10.</summary>
    public static readonly DateOnly Start = ApplicationDate;

    public static FinancingRequest Typical() => new()
    {
        VehiclePrice = 200_000m,
        DownPayment = 60_000m,
        TermMonths = 36,
        Method = RepaymentMethod.Annuity,
        Condition = VehicleCondition.New,
        Energy = VehicleEnergy.Conventional,
        Make = "Geely",
        VehicleYear = 2026,
        BirthDate = new DateOnly(1988, 5, 20),
        MonthlyIncome = 25_000m,
        MonthlyDebtPayments = 2_000m,
        ApplicationDate = ApplicationDate,
    };

    /// <summary>The plan an offer stands for, as a request the policy can evaluate.</summary>
    public static FinancingRequest PlanOf(FinancingRequest request, LoanOffer offer) => request with
    {
        TermMonths = offer.TermMonths,
        Method = offer.Method,
        DownPayment = offer.DownPayment,
        BalloonFraction = offer.BalloonFraction,
    };

    public static RuleOutcome Outcome(IReadOnlyList<RuleOutcome> outcomes, string code) => outcomes.Single(o => o.Code == code);
}
