namespace AutoFinance.Infrastructure.Identity;

/// <summary>A person who signs in: a customer, or staff in one role.</summary>
public sealed class UserRow
{
    public Guid Id { get; set; }

    public required string UserName { get; set; }

    public required string PasswordHash { get; set; }

    public required string Role { get; set; }

    public required string DisplayName { get; set; }

    public Guid? CustomerId { get; set; }

    public Guid? DealerId { get; set; }

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A signed-in session; the bearer token is stored only as a hash. Sessions expire and can be revoked.</summary>
public sealed class SessionRow
{
    public Guid Id { get; set; }

    public required string TokenHash { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
