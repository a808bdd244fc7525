namespace AutoFinance.Infrastructure.Audit;

/// <summary>
/// What a reader asks of the audit log, every filter optional: who acted (an audit name such as <c>collector:…</c>, or
/// a staff member's user name), which action (exact, or a prefix when it ends in <c>.</c> or <c>*</c>), which object
/// (its type, and its id — a loan number or an application reference is read as that object's id too), and the
/// Asia/Shanghai days it happened on (both inclusive).
/// </summary>
public sealed record AuditQuery(string? Actor = null, string? Action = null, string? EntityType = null, string? EntityId = null, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>The action asked for as a prefix (<c>loan.</c>, <c>collections.*</c>), or null when it is asked for exactly.</summary>
    public string? ActionPrefix => Action switch
    {
        { Length: > 1 } a when a.EndsWith('*') => a[..^1],
        { Length: > 0 } a when a.EndsWith('.') => a,
        _ => null,
    };
}
