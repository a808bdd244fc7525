using System.Collections.Concurrent;
using AutoFinance.Application.Origination;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// The origination store in memory, for measuring the decision itself (checks, scoring, pricing, offers) without a
/// database. Used by the benchmark only; the platform always stores in its database.
/// </summary>
public sealed class InMemoryOriginationStore(ProductSettings product) : IOriginationStore
{
    private static readonly IReadOnlySet<string> NoneBlacklisted = new HashSet<string>();

    // Each key's submission times, appended under the lock: a key rarely has more than a few.
    private readonly Dictionary<(VelocityKey, string), List<DateTimeOffset>> _submissions = [];
    private readonly ConcurrentDictionary<string, Guid> _customers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), StoredResponse> _responses = new();

    public long Saved { get; private set; }

    public Task<FraudFacts> FraudFactsAsync(FraudQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var counts = new Dictionary<VelocityKey, int>(query.WindowStarts.Count);
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
            counts[key] = value is null ? 0 : CountSince(key, value, start);
        }

        var customer = _customers.TryGetValue(query.Hashes.NationalId, out var id) ? id : (Guid?)null;
        return Task.FromResult(new FraudFacts(counts, NoneBlacklisted, false, false, customer, customer is null ? null : query.Hashes.FullName));
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

    private int CountSince(VelocityKey key, string value, DateTimeOffset start)
    {
        lock (_submissions)
        {
            var count = 0;
            if (_submissions.TryGetValue((key, value), out var times))
            {
                foreach (var time in times)
                {
                    count += time >= start ? 1 : 0;
                }
            }

            return count;
        }
    }

    private void Add(VelocityKey key, string value, DateTimeOffset at)
    {
        lock (_submissions)
        {
            if (!_submissions.TryGetValue((key, value), out var times))
            {
                _submissions[(key, value)] = times = new List<DateTimeOffset>(1);
            }

            times.Add(at);
        }
    }
}
