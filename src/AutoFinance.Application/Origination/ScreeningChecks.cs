using System.Globalization;
using AutoFinance.Application.Verification;
using AutoFinance.Domain.Bureau;
using AutoFinance.Domain.Origination;

namespace AutoFinance.Application.Origination;

/// <summary>
/// The outside parties' findings as recorded checks: the operator three-factor match (identity stage; inconsistent
/// or unavailable refers), the bureau's hard rules (<see cref="BureauRules"/>), and the report's derived figures as an
/// information check staff read beside the link to the report.
/// </summary>
public static class ScreeningChecks
{
    public const string ThreeFactor = "identity.three-factor";
    public const string Report = "bureau.report";

    /// <summary>Staff recorded the report's figures themselves (from a report obtained another way), with a reason.</summary>
    public const string Override = "bureau.override";

    public static IReadOnlyList<(string Stage, RuleOutcome Outcome)> Of(ScreeningFindings findings)
    {
        var checks = new List<(string Stage, RuleOutcome Outcome)>(5);
        AddTo(checks, findings);
        return checks;
    }

    /// <summary>The same checks, added after those already in <paramref name="checks"/>.</summary>
    public static void AddTo(List<(string Stage, RuleOutcome Outcome)> checks, ScreeningFindings findings)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(findings);
        checks.Add(("identity", Identity(findings.Identity)));
        foreach (var outcome in BureauRules.Evaluate(findings.Bureau))
        {
            checks.Add(("bureau", outcome));
        }

        if (findings.Bureau.Features is { } f)
        {
            checks.Add(("bureau", new RuleOutcome(Report, true, Summary(f), Figures(f, findings.ReportId)) { OnFailure = RuleEffect.Refer }));
        }
    }

    private static RuleOutcome Identity(IdentityCheckResult result) => result.Match switch
    {
        IdentityMatch.Consistent => new RuleOutcome(ThreeFactor, true, "the operator holds the mobile for this name and national ID", Values()) { OnFailure = RuleEffect.Refer },
        IdentityMatch.Inconsistent => new RuleOutcome(ThreeFactor, false, "the operator's record of the mobile does not match this name and national ID", Values(("nameMatches", Flag(result.NameMatches)), ("nationalIdMatches", Flag(result.NationalIdMatches)))) { OnFailure = RuleEffect.Refer },
        _ => new RuleOutcome(ThreeFactor, false, "identity service unavailable: the three-factor check could not be made", Values(("unavailable", "true"))) { OnFailure = RuleEffect.Refer },
    };

    private static string Summary(BureauFeatures f) =>
        string.Create(CultureInfo.InvariantCulture, $"worst status {f.WorstStatus24m} in 24 months, {f.Count30Plus}/{f.Count60Plus}/{f.Count90Plus} months 30+/60+/90+ late, {f.ActiveLoans} active loans, obligations {f.MonthlyObligations:0.00} a month{(f.ThinFile ? ", thin file" : string.Empty)}");

    private static OrderedFigures Figures(BureauFeatures f, Guid? reportId) => Values(
        ("reportId", reportId?.ToString() ?? string.Empty),
        ("worstStatus24m", N(f.WorstStatus24m)),
        ("monthsSinceLast30PlusLate", f.MonthsSinceLast30PlusLate is { } m ? N(m) : string.Empty),
        ("count30Plus", N(f.Count30Plus)),
        ("count60Plus", N(f.Count60Plus)),
        ("count90Plus", N(f.Count90Plus)),
        ("revolvingUtilisation", f.RevolvingUtilisation?.ToString("0.0000", CultureInfo.InvariantCulture) ?? string.Empty),
        ("loanInquiries1m", N(f.LoanInquiries1m)),
        ("loanInquiries3m", N(f.LoanInquiries3m)),
        ("loanInquiries6m", N(f.LoanInquiries6m)),
        ("activeLoans", N(f.ActiveLoans)),
        ("monthlyObligations", f.MonthlyObligations.ToString("0.00", CultureInfo.InvariantCulture)),
        ("oldestAccountMonths", f.OldestAccountMonths is { } o ? N(o) : string.Empty),
        ("thinFile", f.ThinFile ? "true" : "false"));

    /// <summary>The figures of a staff override, with the reason and who recorded them, as the override check's values.</summary>
    public static Dictionary<string, string> OverrideValues(BureauFeatures figures, string reason, string recordedBy)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Figures(figures, null))
        {
            values[key] = value;
        }

        values.Remove("reportId");
        values["count90PlusMonthsAgo"] = figures.MonthsSinceLast90PlusLate is { } m ? N(m) : string.Empty;
        values["openPublicRecords"] = N(figures.OpenPublicRecords);
        values["reason"] = reason;
        values["recordedBy"] = recordedBy;
        return values;
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Flag(bool? value) => value is null ? string.Empty : value.Value ? "true" : "false";

    private static OrderedFigures Values(params ReadOnlySpan<(string Key, string Value)> values) => new(values);
}
