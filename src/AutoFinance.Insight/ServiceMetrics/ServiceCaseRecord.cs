namespace AutoFinance.Insight.ServiceMetrics;

/// <summary>One service case as metrics read it.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Group">What it is reported under (channel, dealer, category, team).</param>
/// <param name="IsComplaint">A complaint (as opposed to a question or request).</param>
/// <param name="OpenedAt">Opened.</param>
/// <param name="FirstRespondedAt">First answered by an agent; null if not yet.</param>
/// <param name="ResolvedAt">Resolved; null while open.</param>
/// <param name="FirstResponseDue">The SLA's due time for the first response.</param>
/// <param name="ResolutionDue">The SLA's due time for resolution.</param>
/// <param name="Reopened">Reopened after a resolution at least once.</param>
public sealed record ServiceCaseRecord(
    string CaseId,
    string Group,
    bool IsComplaint,
    DateTimeOffset OpenedAt,
    DateTimeOffset? FirstRespondedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset FirstResponseDue,
    DateTimeOffset ResolutionDue,
    bool Reopened);
