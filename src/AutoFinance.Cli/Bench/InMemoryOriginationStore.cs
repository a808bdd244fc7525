using System.Collections.Concurrent;
using AutoFinance.Application.Origination;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// The origination store in memory, for measuring the decision itself (checks, scoring, pricing, offers) without a
/// database. Used by the benchmark only; the platform always stores in its database.
/// </summary>
public sealed class InMemoryOriginationStore(ProductSettings product) : IOriginationStore
{
    private readonly ConcurrentDictionary<(VelocityKey, string), ConcurrentQueue<DateTimeOffset>> _submissions = new();
    private readonly ConcurrentDictionary<string, Guid> _customers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), StoredResponse> _responses = new();

    public long Saved { get; private set; }

    public Task<FraudFacts> FraudFactsAsync(FraudQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var counts = new Dictionary<VelocityKey, int>();
        foreach (var (key, start) in query.WindowStarts)
        {
            var value = key switch
            {
                VelocityKey.NationalId => query.Hashes.NationalId,
                VelocityKey.Mobile => query.Hashes.Mobile,
                VelocityKey.Device => query.Hashes.Device,
                VelocityKey.ClientIp => query.Hashes.ClientIp,
                _ => query.DealerId?.ToString(),
            };
            counts[key] = value is not null && _submissions.TryGetValue((key, value), out var times) ? times.Count(t => t >= start) : 0;
        }

        var customer = _customers.TryGetValue(query.Hashes.NationalId, out var id) ? id : (Guid?)null;
        return Task.FromResult(new FraudFacts(counts, new HashSet<string>(), false, false, customer, customer is null ? null : query.Hashes.FullName));
    }

    public Task<ProductSettings?> FindProductAsync(string code, CancellationToken cancellationToken) =>
        Task.FromResult(code == product.Code ? product : null);

    public Task<StoredResponse?> FindResponseAsync(string scope, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_responses.TryGetValue((scope, key), out var stored) ? stored : null);

    public Task SaveAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        Add(VelocityKey.NationalId, record.Hashes.NationalId, record.SubmittedAt);
        Add(VelocityKey.Mobile, record.Hashes.Mobile, record.SubmittedAt);
        _customers.TryAdd(record.Hashes.NationalId, record.ApplicationId);
        Saved++;
        return Task.CompletedTask;
    }

    private void Add(VelocityKey key, string value, DateTimeOffset at) => _submissions.GetOrAdd((key, value), _ => new ConcurrentQueue<DateTimeOffset>()).Enqueue(at);
}
