namespace AutoFinance.Domain.ServiceDesk;

/// <summary>Where a service case is in its life: open until an agent first answers, in progress until resolved; a reopened case is in progress again.</summary>
public enum CaseStatus
{
    Open,
    InProgress,
    Resolved,
}
