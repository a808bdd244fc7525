namespace AutoFinance.Infrastructure.Audit;

/// <summary>Something to record in the audit log: who did what to which object, with its figures (never personal data).</summary>
public sealed record AuditEvent(string Actor, string Action, string EntityType, string EntityId, object Data);
