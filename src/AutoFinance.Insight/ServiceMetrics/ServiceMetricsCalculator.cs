namespace AutoFinance.Insight.ServiceMetrics;

/// <summary>Computes service figures per group and in total.</summary>
public static class ServiceMetricsCalculator
{
    /// <summary>The name of the total row.</summary>
    public const string AllGroups = "all";

    /// <summary>
    /// One report per group (ordinal order) followed by the total. <paramref name="loansByGroup"/> gives each group's
    /// loan count for the complaint rate (a group missing from it has no rate; the total uses the sum of all counts).
    /// Invalid survey scores are ignored.
    /// </summary>
    public static IReadOnlyList<ServiceMetricsReport> ByGroup(
        IReadOnlyList<ServiceCaseRecord> cases,
        IReadOnlyList<SurveyResponse> surveys,
        IReadOnlyDictionary<string, int> loansByGroup,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(surveys);
        ArgumentNullException.ThrowIfNull(loansByGroup);
        var groups = cases.Select(c => c.Group).Concat(surveys.Select(s => s.Group)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var reports = groups
            .Select(g => Report(g, cases.Where(c => c.Group == g).ToArray(), surveys.Where(s => s.Group == g).ToArray(),
                loansByGroup.TryGetValue(g, out var n) ? n : null, at))
            .ToList();
        reports.Add(Report(AllGroups, cases, surveys, loansByGroup.Count == 0 ? null : loansByGroup.Values.Sum(), at));
        return reports;
    }

    /// <summary>The figures of one set of cases and answers.</summary>
    public static ServiceMetricsReport Report(
        string group, IReadOnlyList<ServiceCaseRecord> cases, IReadOnlyList<SurveyResponse> surveys, int? loans, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(surveys);
        var response = cases.Where(c => c.FirstRespondedAt is not null).Select(c => (c.FirstRespondedAt!.Value - c.OpenedAt).TotalHours).ToArray();
        var resolution = cases.Where(c => c.ResolvedAt is not null).Select(c => (c.ResolvedAt!.Value - c.OpenedAt).TotalHours).ToArray();
        // A reopened case was resolved once, though it may be open again now: it counts among the resolved it is a share of.
        var everResolved = cases.Count(c => c.ResolvedAt is not null || c.Reopened);
        var complaints = cases.Count(c => c.IsComplaint);
        var csat = surveys.Where(s => s.Kind == SurveyKind.Csat && s.IsValid).Select(s => s.Score).ToArray();
        var nps = surveys.Where(s => s.Kind == SurveyKind.Nps && s.IsValid).Select(s => s.Score).ToArray();
        return new ServiceMetricsReport(
            group,
            cases.Count,
            Percentile.Of(response, 0.5),
            Percentile.Of(response, 0.9),
            Percentile.Of(resolution, 0.5),
            Percentile.Of(resolution, 0.9),
            cases.Count == 0 ? null : (double)cases.Count(c => Breached(c, at)) / cases.Count,
            everResolved == 0 ? null : (double)cases.Count(c => c.Reopened) / everResolved,
            complaints,
            loans is > 0 ? complaints * 1000.0 / loans.Value : null,
            csat.Length,
            csat.Length == 0 ? null : (double)csat.Count(s => s >= 4) / csat.Length,
            nps.Length,
            nps.Length == 0 ? null : 100.0 * (nps.Count(s => s >= 9) - nps.Count(s => s <= 6)) / nps.Length);
    }

    /// <summary>A timer is breached when it stopped after its due time, or is still running past it at <paramref name="at"/>.</summary>
    public static bool Breached(ServiceCaseRecord c, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Late(c.FirstRespondedAt, c.FirstResponseDue, at) || Late(c.ResolvedAt, c.ResolutionDue, at);

        static bool Late(DateTimeOffset? stopped, DateTimeOffset due, DateTimeOffset at) => stopped is { } s ? s > due : at > due;
    }
}
