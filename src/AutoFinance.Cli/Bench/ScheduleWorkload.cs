using AutoFinance.Domain.Rates;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// The schedule benchmark's unit of work: a 60-month annuity with an odd first period (disbursed on the 15th, first
/// due on the 1st of the month after next), built to the cent, and its APR solved. Principals vary so nothing is cached.
/// </summary>
public static class ScheduleWorkload
{
    private static readonly DateOnly Start = new(2026, 1, 15);
    private static readonly DateOnly FirstDue = new(2026, 3, 1);

    public static LoanTerms Terms(int seed) => new()
    {
        Principal = 80_000m + (seed % 1000 * 100m),
        AnnualRate = 0.0588m,
        TermMonths = 60,
        Method = RepaymentMethod.Annuity,
        StartDate = Start,
        FirstDueDate = FirstDue,
    };

    /// <summary>Builds one schedule and its APR; returns the APR so the work cannot be skipped.</summary>
    public static decimal Run(LoanTerms terms) => AnnualisedRates.Of(ScheduleBuilder.Build(terms)).AprPercent;
}
