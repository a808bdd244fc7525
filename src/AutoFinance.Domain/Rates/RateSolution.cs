namespace AutoFinance.Domain.Rates;

/// <summary>The periodic rate that balances a set of flows, or why none exists.</summary>
public readonly record struct RateSolution(bool Found, double PeriodicRate, string? Problem)
{
    public static RateSolution Of(double rate) => new(true, rate, null);

    public static RateSolution None(string problem) => new(false, double.NaN, problem);
}
