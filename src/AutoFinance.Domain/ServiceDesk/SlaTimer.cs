namespace AutoFinance.Domain.ServiceDesk;

/// <summary>Where a timer stands.</summary>
public enum SlaTimerState
{
    /// <summary>Running, due time not passed.</summary>
    Running,

    /// <summary>Running past its due time.</summary>
    Breached,

    /// <summary>Stopped on or before its due time.</summary>
    Met,

    /// <summary>Stopped after its due time.</summary>
    Missed,
}

/// <summary>One timer (first response or resolution) of a case at an instant.</summary>
/// <param name="Name">"first-response" or "resolution".</param>
/// <param name="Target">The business time allowed.</param>
/// <param name="Due">The due instant.</param>
/// <param name="State">Running, breached, met or missed.</param>
/// <param name="Remaining">Business time left until due (negative: overdue), at the instant or at the stop.</param>
/// <param name="Escalation">The escalation step of a breached running timer; null otherwise.</param>
public sealed record SlaTimer(string Name, TimeSpan Target, DateTimeOffset Due, SlaTimerState State, TimeSpan Remaining, EscalationStep? Escalation);

/// <summary>Both timers of a case at an instant.</summary>
public sealed record SlaStatus(SlaTimer FirstResponse, SlaTimer Resolution)
{
    /// <summary>The higher escalation level of the two timers (0 when none).</summary>
    public int EscalationLevel => Math.Max(FirstResponse.Escalation?.Level ?? 0, Resolution.Escalation?.Level ?? 0);

    /// <summary>Either timer breached or missed.</summary>
    public bool IsBreached => FirstResponse.State is SlaTimerState.Breached or SlaTimerState.Missed
        || Resolution.State is SlaTimerState.Breached or SlaTimerState.Missed;
}
