using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Tests.Schedules;

/// <summary>Loan terms for tests: a regular monthly loan unless a test says otherwise.</summary>
internal static class Loans
{
    public static readonly DateOnly Start = new(2026, 1, 10);

    public static LoanTerms Terms(decimal principal, decimal annualPercent, int months, RepaymentMethod method = RepaymentMethod.Annuity) => new()
    {
        Principal = principal,
        AnnualRate = annualPercent / 100m,
        TermMonths = months,
        Method = method,
        StartDate = Start,
    };

    public static RepaymentSchedule Build(decimal principal, decimal annualPercent, int months, RepaymentMethod method = RepaymentMethod.Annuity) =>
        ScheduleBuilder.Build(Terms(principal, annualPercent, months, method));
}
