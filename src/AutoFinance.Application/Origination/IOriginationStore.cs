namespace AutoFinance.Application.Origination;

/// <summary>What the decision reads and writes; storage implements it (EF Core), the benchmark keeps it in memory.</summary>
public interface IOriginationStore
{
    /// <summary>Applications submitted since the given time under the hashed key (national ID, mobile, device, IP or dealer).</summary>
    Task<int> CountSinceAsync(VelocityKey key, string value, DateTimeOffset since, CancellationToken cancellationToken);

    Task<bool> IsBlacklistedAsync(string kind, string valueHash, CancellationToken cancellationToken);

    /// <summary>Whether the VIN backs a contract that is not closed.</summary>
    Task<bool> IsVinFinancedAsync(string vinHash, CancellationToken cancellationToken);

    /// <summary>An approved or referred application for the same person and vehicle since the given time, not yet taken up.</summary>
    Task<bool> HasOpenApplicationAsync(string nationalIdHash, string vinHash, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The name on file for a national ID (as a keyed hash), or null for a new customer.</summary>
    Task<string?> CustomerNameHashAsync(string nationalIdHash, CancellationToken cancellationToken);

    /// <summary>The customer a national ID (as a keyed hash) belongs to, or null for a new customer.</summary>
    Task<Guid?> CustomerIdAsync(string nationalIdHash, CancellationToken cancellationToken);

    Task<ProductSettings?> FindProductAsync(string code, CancellationToken cancellationToken);

    Task<StoredResponse?> FindResponseAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the decision, its checks, offers, referral, idempotency record and audit entries atomically.
    /// Throws <see cref="IdempotencyConflictException"/> when another request stored the same key first.
    /// </summary>
    Task SaveAsync(DecisionRecord record, CancellationToken cancellationToken);
}

public enum VelocityKey
{
    NationalId,
    Mobile,
    Device,
    ClientIp,
    Dealer,
}

/// <summary>A stored answer to an idempotent request.</summary>
public sealed record StoredResponse(string RequestHash, int StatusCode, string ResponseJson);

public sealed class IdempotencyConflictException : Exception
{
    public IdempotencyConflictException()
    {
    }

    public IdempotencyConflictException(string message)
        : base(message)
    {
    }

    public IdempotencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
