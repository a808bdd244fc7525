namespace AutoFinance.Domain.Rates;

/// <summary>An annualised rate in percent with the periodic rate and unit-period behind it, or why there is none.</summary>
public readonly record struct AprResult(bool Found, decimal AprPercent, decimal EffectiveAnnualPercent, double PeriodicRate, UnitPeriod UnitPeriod, string? Problem)
{
    /// <summary>APR = periodic rate × unit-periods per year; the effective rate compounds it: (1 + i)^periods − 1.</summary>
    public static AprResult Of(double periodicRate, UnitPeriod unit) =>
        new(true, ToPercent(periodicRate * unit.PerYear), ToPercent(Math.Pow(1 + periodicRate, unit.PerYear) - 1), periodicRate, unit, null);

    public static AprResult None(string problem) => new(false, 0m, 0m, double.NaN, default, problem);

    /// <summary>A rate fraction as a percent, kept to 8 decimals (well beyond the 1/8-point tolerance).</summary>
    public static decimal ToPercent(double fraction) =>
        double.IsFinite(fraction) && Math.Abs(fraction) < 1e9
            ? Math.Round((decimal)fraction * 100m, 8, MidpointRounding.AwayFromZero)
            : throw new OverflowException("The annualised rate is out of range.");
}
