namespace AutoFinance.Infrastructure.Identity;

/// <summary>
/// A person who signs in: a customer, or staff in one role. Names are kept as <see cref="AccountNames"/> describes:
/// the sign-in name as a keyed hash plus its encrypted value, the display name encrypted.
/// </summary>
public sealed class UserRow
{
    public Guid Id { get; set; }

    /// <summary>The keyed hash of the normalised sign-in name: what sign-in and the uniqueness check look up.</summary>
    public required string UserNameHash { get; set; }

    public required string UserNameCipher { get; set; }

    public required string PasswordHash { get; set; }

    public required string Role { get; set; }

    public required string DisplayNameCipher { get; set; }

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
