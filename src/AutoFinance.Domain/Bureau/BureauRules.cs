using AutoFinance.Domain.Origination;

namespace AutoFinance.Domain.Bureau;

/// <summary>
/// The hard rules read from a credit report: a delinquency of 90 days or more within the last 12 months declines; an
/// open public record (a judgment or enforcement) refers; a report that could not be had (bureau unavailable) or
/// found nobody (no hit) refers, so an underwriter decides without it rather than the model guessing.
/// </summary>
public static class BureauRules
{
    public const int RecentSeriousMonths = 12;

    public static IEnumerable<RuleOutcome> Evaluate(BureauFindings findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        switch (findings.Outcome)
        {
            case BureauOutcome.Unavailable:
                yield return new RuleOutcome(ReasonCodes.BureauUnavailable, false, "bureau unavailable: the credit report could not be obtained", Values()) { OnFailure = RuleEffect.Refer };
                yield break;
            case BureauOutcome.NoHit:
                yield return new RuleOutcome(ReasonCodes.BureauNoHit, false, "the bureau holds no record of the applicant", Values()) { OnFailure = RuleEffect.Refer };
                yield break;
        }

        var f = findings.Features!;
        var recent = f.MonthsSinceLast90PlusLate is { } months && months < RecentSeriousMonths;
        yield return new RuleOutcome(
            ReasonCodes.BureauRecentSeriousDelinquency,
            !recent,
            recent ? $"90+ days late {f.MonthsSinceLast90PlusLate} months ago (worst status {f.WorstStatus24m})" : "no 90+ days delinquency in the last 12 months",
            Values(("monthsAgo", f.MonthsSinceLast90PlusLate?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty), ("worstStatus", RuleValues.Number(f.WorstStatus24m))))
        { OnFailure = RuleEffect.Decline };
        yield return new RuleOutcome(
            ReasonCodes.BureauPublicRecord,
            f.OpenPublicRecords == 0,
            f.OpenPublicRecords == 0 ? "no open public record" : $"{f.OpenPublicRecords} open public records",
            Values(("count", RuleValues.Number(f.OpenPublicRecords))))
        { OnFailure = RuleEffect.Refer };
    }

    private static OrderedFigures Values(params ReadOnlySpan<(string Key, string Value)> values) => new(values);
}

/// <summary>What the bureau gave for an application: a report and its features, no hit, or nothing (unavailable).</summary>
public sealed record BureauFindings(BureauOutcome Outcome, CreditReport? Report, BureauFeatures? Features)
{
    public static BureauFindings Unavailable { get; } = new(BureauOutcome.Unavailable, null, null);

    public static BureauFindings NoHit { get; } = new(BureauOutcome.NoHit, null, null);

    public static BureauFindings Hit(CreditReport report, DateOnly asOf) => new(BureauOutcome.Hit, report, BureauFeatures.Derive(report, asOf));
}

public enum BureauOutcome
{
    Hit,
    NoHit,
    Unavailable,
}
