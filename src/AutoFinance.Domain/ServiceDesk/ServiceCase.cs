namespace AutoFinance.Domain.ServiceDesk;

/// <summary>
/// A service case's lifecycle under the SLA policy: opened with its two due times fixed (first response and
/// resolution, in business time from the opening), answered (the first answer to the customer stops the first-response
/// timer and puts the case in progress), resolved (which also counts as the first response if none was given),
/// reopened (in progress again; the resolution timer runs again from the original opening), and escalated up the
/// policy's ladder while a timer runs past its due time. Each operation says why it is refused, or changes the case.
/// </summary>
public sealed class ServiceCase
{
    private ServiceCase(string slaCategory, CasePriority priority, DateTimeOffset openedAt)
    {
        SlaCategory = slaCategory;
        Priority = priority;
        OpenedAt = openedAt;
    }

    /// <summary>The SLA category the targets are looked up by ("complaint", or "*" for every other kind).</summary>
    public string SlaCategory { get; }

    public CasePriority Priority { get; }

    public DateTimeOffset OpenedAt { get; }

    public CaseStatus Status { get; private set; }

    public DateTimeOffset FirstResponseDueAt { get; private init; }

    public DateTimeOffset ResolutionDueAt { get; private init; }

    public DateTimeOffset? FirstRespondedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public int ReopenCount { get; private set; }

    /// <summary>The highest escalation level reached (0 = never escalated).</summary>
    public int EscalationLevel { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>What the SLA reads of the case.</summary>
    public ServiceCaseClock Clock => new(SlaCategory, Priority, OpenedAt, FirstRespondedAt, ResolvedAt);

    /// <summary>A case opened at <paramref name="at"/>, its due times fixed by the policy's target for its category and priority.</summary>
    public static ServiceCase Open(string slaCategory, CasePriority priority, DateTimeOffset at, SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var target = policy.TargetFor(slaCategory, priority);
        return new ServiceCase(slaCategory, priority, at)
        {
            Status = CaseStatus.Open,
            FirstResponseDueAt = policy.Calendar.Add(at, target.FirstResponse).ToUniversalTime(),
            ResolutionDueAt = policy.Calendar.Add(at, target.Resolution).ToUniversalTime(),
        };
    }

    /// <summary>A case as stored.</summary>
    public static ServiceCase Restore(
        string slaCategory,
        CasePriority priority,
        CaseStatus status,
        DateTimeOffset openedAt,
        DateTimeOffset firstResponseDueAt,
        DateTimeOffset resolutionDueAt,
        DateTimeOffset? firstRespondedAt,
        DateTimeOffset? resolvedAt,
        int reopenCount,
        int escalationLevel,
        DateTimeOffset? escalatedAt) =>
        new(slaCategory, priority, openedAt)
        {
            Status = status,
            FirstResponseDueAt = firstResponseDueAt,
            ResolutionDueAt = resolutionDueAt,
            FirstRespondedAt = firstRespondedAt,
            ResolvedAt = resolvedAt,
            ReopenCount = reopenCount,
            EscalationLevel = escalationLevel,
            EscalatedAt = escalatedAt,
        };

    /// <summary>Whether work may still be done on the case (assigning it, answering it): not once it is resolved.</summary>
    public bool IsResolved => Status == CaseStatus.Resolved;

    /// <summary>An agent answers the customer: the first answer stops the first-response timer and puts an open case in progress.</summary>
    /// <returns>Whether this was the first response.</returns>
    public bool Answer(DateTimeOffset at)
    {
        if (FirstRespondedAt is not null)
        {
            return false;
        }

        FirstRespondedAt = at;
        Status = Status == CaseStatus.Open ? CaseStatus.InProgress : Status;
        return true;
    }

    /// <summary>Resolves the case; resolving without an earlier answer is the first response too. Null, or why it cannot be resolved.</summary>
    public string? Resolve(DateTimeOffset at)
    {
        if (Status == CaseStatus.Resolved)
        {
            return "the case is already resolved";
        }

        Status = CaseStatus.Resolved;
        ResolvedAt = at;
        FirstRespondedAt ??= at;
        return null;
    }

    /// <summary>Whether it was resolved by its due time.</summary>
    public bool ResolvedOnTime => ResolvedAt is { } resolved && resolved <= ResolutionDueAt;

    /// <summary>Reopens a resolved case: in progress again, the resolution timer running again from the original opening. Null, or why not.</summary>
    public string? Reopen()
    {
        if (Status != CaseStatus.Resolved)
        {
            return "only a resolved case can be reopened";
        }

        Status = CaseStatus.InProgress;
        ResolvedAt = null;
        ReopenCount++;
        return null;
    }

    /// <summary>
    /// The escalation check at <paramref name="at"/>: the highest step of the policy's ladder either running timer has
    /// reached; the case moves up to it when that is above the level it already had (never down). Null when nothing changed.
    /// </summary>
    public CaseEscalation? Escalate(DateTimeOffset at, SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (Status == CaseStatus.Resolved)
        {
            return null;
        }

        var status = policy.StatusAt(Clock, at);
        var step = new[] { status.FirstResponse.Escalation, status.Resolution.Escalation }.Where(s => s is not null).MaxBy(s => s!.Level);
        if (step is null || step.Level <= EscalationLevel)
        {
            return null;
        }

        EscalationLevel = step.Level;
        EscalatedAt = at;
        return new CaseEscalation(step, status);
    }
}

/// <summary>A case moved up the escalation ladder: the step reached and both timers at the check.</summary>
public sealed record CaseEscalation(EscalationStep Step, SlaStatus Sla);
