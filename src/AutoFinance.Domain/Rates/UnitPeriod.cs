namespace AutoFinance.Domain.Rates;

/// <summary>The kinds of standard interval Regulation Z Appendix J (b)(3) allows as a unit-period.</summary>
public enum UnitPeriodKind
{
    Day,
    Week,
    SemiMonth,
    Month,
    Year,
}

/// <summary>A unit-period: a standard interval and its multiple (2 weeks, 3 months, the 255 days of a single-payment term).</summary>
public readonly record struct UnitPeriod(UnitPeriodKind Kind, int Multiple = 1)
{
    public static readonly UnitPeriod Month = new(UnitPeriodKind.Month);

    /// <summary>How many unit-periods make a year: the factor from the periodic rate to the APR.</summary>
    public double PerYear => Kind switch
    {
        UnitPeriodKind.Day => 365.0 / Multiple,
        UnitPeriodKind.Week => 52.0 / Multiple,
        UnitPeriodKind.SemiMonth => 24.0 / Multiple,
        UnitPeriodKind.Month => 12.0 / Multiple,
        UnitPeriodKind.Year => 1.0 / Multiple,
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };

    /// <summary>An approximate length in days, used only to compare and average periods.</summary>
    public double ApproximateDays => Kind switch
    {
        UnitPeriodKind.Day => Multiple,
        UnitPeriodKind.Week => 7.0 * Multiple,
        UnitPeriodKind.SemiMonth => 365.0 / 24 * Multiple,
        UnitPeriodKind.Month => 365.0 / 12 * Multiple,
        UnitPeriodKind.Year => 365.0 * Multiple,
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };

    /// <summary>Parses "month", "semimonth", "week", "day" or "year".</summary>
    public static UnitPeriodKind? ParseKind(string text) => text.Trim().ToLowerInvariant() switch
    {
        "day" => UnitPeriodKind.Day,
        "week" => UnitPeriodKind.Week,
        "semimonth" => UnitPeriodKind.SemiMonth,
        "month" => UnitPeriodKind.Month,
        "year" => UnitPeriodKind.Year,
        _ => null,
    };

    public override string ToString() =>
        Multiple == 1 ? Kind.ToString().ToLowerInvariant() : $"{Multiple} x {Kind.ToString().ToLowerInvariant()}";
}
