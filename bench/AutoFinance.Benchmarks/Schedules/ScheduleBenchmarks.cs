using AutoFinance.Cli.Bench;
using AutoFinance.Domain.Rates;
using AutoFinance.Domain.Schedules;
using BenchmarkDotNet.Attributes;

namespace AutoFinance.Benchmarks.Schedules;

/// <summary>
/// The path <c>autofinance bench schedule</c> measures: a 60-month annuity with an odd first period, built to the
/// cent, and its APR; and the two halves apart.
/// </summary>
[MemoryDiagnoser]
public class ScheduleBenchmarks
{
    private LoanTerms terms = null!;
    private RepaymentSchedule schedule = null!;

    [GlobalSetup]
    public void Setup()
    {
        terms = ScheduleWorkload.Terms(42);
        schedule = ScheduleBuilder.Build(terms);
    }

    [Benchmark(Baseline = true)]
    public decimal ScheduleWithApr() => ScheduleWorkload.Run(terms);

    [Benchmark]
    public RepaymentSchedule ScheduleOnly() => ScheduleBuilder.Build(terms);

    [Benchmark]
    public AnnualisedRates AprOnly() => AnnualisedRates.Of(schedule);
}
