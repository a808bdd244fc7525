namespace AutoFinance.Domain.ServiceDesk;

/// <summary>SLA targets by category and priority on a business calendar, with an escalation ladder.</summary>
/// <remarks>Target lookup: the exact category and priority, else the "*" category with the priority; none is a configuration error.</remarks>
public sealed class SlaPolicy
{
    private readonly Dictionary<(string Category, CasePriority Priority), SlaTarget> targets;

    public SlaPolicy(IEnumerable<SlaTarget> targets, BusinessCalendar calendar, EscalationLadder? escalation = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(calendar);
        this.targets = targets.ToDictionary(t => (t.Category, t.Priority));
        Calendar = calendar;
        Escalation = escalation ?? EscalationLadder.Default;
    }

    /// <summary>The working-hours calendar the targets run on.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>The escalation ladder.</summary>
    public EscalationLadder Escalation { get; }

    /// <summary>
    /// A standard policy: complaints — urgent 1 h / 8 h, high 2 h / 2 days, normal 4 h / 5 days, low 8 h / 10 days
    /// (a business day being the calendar's hours); other categories — urgent 2 h / 1 day, high 4 h / 3 days,
    /// normal 1 day / 5 days, low 2 days / 10 days.
    /// </summary>
    public static SlaPolicy Standard(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var day = calendar.Closes - calendar.Opens;
        return new SlaPolicy(
        [
            new("complaint", CasePriority.Urgent, TimeSpan.FromHours(1), TimeSpan.FromHours(8)),
            new("complaint", CasePriority.High, TimeSpan.FromHours(2), 2 * day),
            new("complaint", CasePriority.Normal, TimeSpan.FromHours(4), 5 * day),
            new("complaint", CasePriority.Low, TimeSpan.FromHours(8), 10 * day),
            new(SlaTarget.AnyCategory, CasePriority.Urgent, TimeSpan.FromHours(2), day),
            new(SlaTarget.AnyCategory, CasePriority.High, TimeSpan.FromHours(4), 3 * day),
            new(SlaTarget.AnyCategory, CasePriority.Normal, day, 5 * day),
            new(SlaTarget.AnyCategory, CasePriority.Low, 2 * day, 10 * day),
        ], calendar);
    }

    /// <summary>The target for a category and priority.</summary>
    public SlaTarget TargetFor(string category, CasePriority priority) =>
        targets.TryGetValue((category, priority), out var exact) ? exact
        : targets.TryGetValue((SlaTarget.AnyCategory, priority), out var any) ? any
        : throw new InvalidOperationException($"No SLA target for category '{category}' and priority {priority}.");

    /// <summary>The case's two timers at <paramref name="at"/>.</summary>
    public SlaStatus StatusAt(ServiceCaseClock serviceCase, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(serviceCase);
        var target = TargetFor(serviceCase.Category, serviceCase.Priority);
        return new SlaStatus(
            Timer("first-response", target.FirstResponse, serviceCase.OpenedAt, serviceCase.FirstRespondedAt, at),
            Timer("resolution", target.Resolution, serviceCase.OpenedAt, serviceCase.ResolvedAt, at));
    }

    /// <summary>The case's two timers now, by <paramref name="time"/>.</summary>
    public SlaStatus StatusNow(ServiceCaseClock serviceCase, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return StatusAt(serviceCase, time.GetUtcNow());
    }

    private SlaTimer Timer(string name, TimeSpan target, DateTimeOffset opened, DateTimeOffset? stopped, DateTimeOffset at)
    {
        var due = Calendar.Add(opened, target);
        if (stopped is { } stop && stop <= at)
        {
            var left = Calendar.Between(stop, due);
            return new SlaTimer(name, target, due, stop <= due ? SlaTimerState.Met : SlaTimerState.Missed, left, null);
        }

        var remaining = Calendar.Between(at, due);
        if (at <= due)
        {
            return new SlaTimer(name, target, due, SlaTimerState.Running, remaining, null);
        }

        return new SlaTimer(name, target, due, SlaTimerState.Breached, remaining, Escalation.StepFor(-remaining, target)
            ?? Escalation.Steps.OrderBy(s => s.OverdueShare).FirstOrDefault());
    }
}
