namespace AutoFinance.Application.Security;

/// <summary>Who is acting: a signed-in user or a dealer's API key, with the objects they own.</summary>
public sealed record Actor(string Role, Guid? UserId, Guid? DealerId, Guid? CustomerId, string Name)
{
    public bool IsStaff => Roles.Staff.Contains(Role);

    /// <summary>How the actor appears in the audit log and status history (never personal data).</summary>
    public string AuditName => UserId is { } user ? $"{Role}:{user}" : DealerId is { } dealer ? $"dealer:{dealer}" : Role;

    /// <summary>The idempotency scope: keys are unique per actor, never shared across actors.</summary>
    public string Scope => UserId?.ToString() ?? DealerId?.ToString() ?? Role;

    public static readonly Actor System = new("system", null, null, null, "system");
}
