using AutoFinance.Domain.ServiceDesk;

namespace AutoFinance.Infrastructure.ServiceDesk;

/// <summary>One SLA timer as callers see it: due time, state, business minutes left (negative: overdue), escalation.</summary>
public sealed record SlaTimerView(string Name, DateTimeOffset Due, string State, double RemainingBusinessMinutes, int EscalationLevel, string? EscalateTo)
{
    public static SlaTimerView Of(SlaTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return new(timer.Name, timer.Due, StateName(timer.State), Math.Round(timer.Remaining.TotalMinutes, 2), timer.Escalation?.Level ?? 0, timer.Escalation?.EscalateTo);
    }

    private static string StateName(SlaTimerState state) => state switch
    {
        SlaTimerState.Running => "running",
        SlaTimerState.Breached => "breached",
        SlaTimerState.Met => "met",
        _ => "missed",
    };
}

/// <summary>Both timers of a case at the moment it was read, and whether either is breached.</summary>
public sealed record SlaView(SlaTimerView FirstResponse, SlaTimerView Resolution, bool Breached, int EscalationLevel);

/// <summary>A line of the queue or of a customer's list of cases.</summary>
public sealed record CaseSummary(
    Guid CaseId,
    string Reference,
    Guid CustomerId,
    string Kind,
    string Category,
    string Priority,
    string Channel,
    string Status,
    string Subject,
    DateTimeOffset OpenedAt,
    Guid? AssignedTo,
    string? AssignedToName,
    SlaView Sla,
    int ReopenCount);

/// <summary>A message on a case.</summary>
public sealed record CaseMessageView(DateTimeOffset At, string AuthorKind, string Visibility, string Body);

/// <summary>A case in full: its summary, description, timeline facts, resolution and messages.</summary>
public sealed record CaseView(
    CaseSummary Summary,
    string Description,
    Guid? LoanId,
    Guid? ApplicationId,
    DateTimeOffset? FirstRespondedAt,
    DateTimeOffset? ResolvedAt,
    string? RootCause,
    string? Resolution,
    int RecordedEscalationLevel,
    DateTimeOffset? EscalatedAt,
    IReadOnlyList<CaseMessageView> Messages);
