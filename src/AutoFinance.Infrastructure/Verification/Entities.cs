namespace AutoFinance.Infrastructure.Verification;

/// <summary>
/// A one-time code sent (or, for a neutral answer, only recorded): the number and the asking address as keyed hashes,
/// the code as a keyed hash of the row id and the code, so the table never holds a code or a mobile.
/// </summary>
public sealed class OneTimeCodeRow
{
    public Guid Id { get; set; }

    public required string Purpose { get; set; }

    public required string MobileHash { get; set; }

    public string? AddressHash { get; set; }

    public required string CodeHash { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }

    /// <summary>False when the request was only recorded (the number must not learn it is, or is not, a customer).</summary>
    public bool Delivered { get; set; }
}

/// <summary>
/// Failed sign-ins per sign-in name, known or not (so a lockout says nothing about whether an account exists), and
/// the time until which the name is locked.
/// </summary>
public sealed class SignInGuardRow
{
    public required string NameHash { get; set; }

    public int Failures { get; set; }

    public DateTimeOffset LastFailureAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
