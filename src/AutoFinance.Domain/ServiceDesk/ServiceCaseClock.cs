namespace AutoFinance.Domain.ServiceDesk;

/// <summary>The times of a case the SLA reads.</summary>
/// <param name="Category">Case category.</param>
/// <param name="Priority">Priority.</param>
/// <param name="OpenedAt">When the case was opened.</param>
/// <param name="FirstRespondedAt">When an agent first answered; null if not yet.</param>
/// <param name="ResolvedAt">When the case was resolved; null if open.</param>
public sealed record ServiceCaseClock(string Category, CasePriority Priority, DateTimeOffset OpenedAt, DateTimeOffset? FirstRespondedAt, DateTimeOffset? ResolvedAt);
