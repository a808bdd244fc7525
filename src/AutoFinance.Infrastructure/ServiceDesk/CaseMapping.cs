using AutoFinance.Domain.ServiceDesk;

namespace AutoFinance.Infrastructure.ServiceDesk;

/// <summary>A case row to its lifecycle aggregate (<see cref="ServiceCase"/>) and the lifecycle's state back onto the row. No rule lives here.</summary>
public static class CaseMapping
{
    public static ServiceCase ToAggregate(ServiceCaseRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return ServiceCase.Restore(
            CaseVocabulary.SlaCategory(row.Kind),
            CaseVocabulary.Priority(row.Priority),
            row.Status,
            row.OpenedAt,
            row.FirstResponseDueAt,
            row.ResolutionDueAt,
            row.FirstRespondedAt,
            row.ResolvedAt,
            row.ReopenCount,
            row.EscalationLevel,
            row.EscalatedAt);
    }

    public static void CopyBack(ServiceCase serviceCase, ServiceCaseRow row)
    {
        ArgumentNullException.ThrowIfNull(serviceCase);
        ArgumentNullException.ThrowIfNull(row);
        row.Status = serviceCase.Status;
        row.FirstRespondedAt = serviceCase.FirstRespondedAt;
        row.ResolvedAt = serviceCase.ResolvedAt;
        row.ReopenCount = serviceCase.ReopenCount;
        row.EscalationLevel = serviceCase.EscalationLevel;
        row.EscalatedAt = serviceCase.EscalatedAt;
    }
}
