namespace AutoFinance.Infrastructure.Audit;

/// <summary>
/// Something to record in the audit log: who did what to which object, with its figures (never personal data).
/// <see cref="Data"/> may be given already serialised (a JSON string), to keep that work off the serialised append.
/// </summary>
public sealed record AuditEvent(string Actor, string Action, string EntityType, string EntityId, object Data);
