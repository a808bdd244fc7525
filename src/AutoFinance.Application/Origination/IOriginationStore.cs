namespace AutoFinance.Application.Origination;

/// <summary>What the decision reads and writes; storage implements it (EF Core), the benchmark keeps it in memory.</summary>
public interface IOriginationStore
{
    /// <summary>Everything the identity and fraud checks need to know about the lender's history, in as few reads as possible.</summary>
    Task<FraudFacts> FraudFactsAsync(FraudQuery query, CancellationToken cancellationToken);

    Task<ProductSettings?> FindProductAsync(string code, CancellationToken cancellationToken);

    Task<StoredResponse?> FindResponseAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the decision, its checks, offers, referral, idempotency record and audit entries atomically.
    /// Throws <see cref="IdempotencyConflictException"/> when another request stored the same key first.
    /// </summary>
    Task SaveAsync(DecisionRecord record, CancellationToken cancellationToken);
}

/// <summary>
/// What the fraud checks ask: the hashed keys and, per key, the start of its velocity window. Counting may stop at
/// <see cref="CountCap"/> (the limit plus one): beyond it the answer is the same, and a busy dealer or IP address
/// is not counted row by row.
/// </summary>
public sealed record FraudQuery(LookupHashes Hashes, Guid? DealerId, IReadOnlyDictionary<VelocityKey, DateTimeOffset> WindowStarts, DateTimeOffset DuplicateSince)
{
    public IReadOnlyDictionary<VelocityKey, int> CountCap { get; init; } = NoCaps;

    private static readonly IReadOnlyDictionary<VelocityKey, int> NoCaps = new Dictionary<VelocityKey, int>();
}

/// <summary>
/// The answers: earlier applications per velocity key within its window, blacklisted kinds, whether the VIN backs an
/// open contract, whether the same person has an open application for the same vehicle, and the customer on file
/// (with the keyed hashes of the name and mobile on file, which an application never overwrites).
/// </summary>
public sealed record FraudFacts(
    IReadOnlyDictionary<VelocityKey, int> PriorCounts,
    IReadOnlySet<string> BlacklistedKinds,
    bool VinFinanced,
    bool OpenDuplicate,
    Guid? CustomerId,
    string? CustomerNameHash)
{
    public string? CustomerMobileHash { get; init; }
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
