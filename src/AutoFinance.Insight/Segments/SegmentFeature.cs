namespace AutoFinance.Insight.Segments;

/// <summary>How a feature reads in a segment's name when the segment sits well above or below the average on it.</summary>
/// <param name="Name">The feature name, as in the scaling.</param>
/// <param name="HighLabel">Words for "well above average" ("high value").</param>
/// <param name="LowLabel">Words for "well below average" ("low value").</param>
public sealed record SegmentFeature(string Name, string HighLabel, string LowLabel)
{
    /// <summary>The labels of <see cref="Features.CustomerBehaviour"/>'s features.</summary>
    public static IReadOnlyList<SegmentFeature> CustomerBehaviour { get; } =
    [
        new("totalFinanced", "high value", "low value"),
        new("loanCount", "repeat borrowers", "single-loan"),
        new("monthsAsCustomer", "long-standing", "recent"),
        new("averageDaysEarly", "early payers", "late payers"),
        new("missedPayments12m", "often missing payments", "never missing payments"),
        new("digitalSessions3m", "digitally active", "offline"),
    ];
}
