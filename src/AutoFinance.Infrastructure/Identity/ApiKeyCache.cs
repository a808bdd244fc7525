using System.Collections.Concurrent;
using AutoFinance.Application.Security;

namespace AutoFinance.Infrastructure.Identity;

/// <summary>
/// Dealer API keys recently seen, so a dealer system sending many applications is not looked up in the database on
/// every request. An entry lives <see cref="Lifetime"/>: a revoked or expired key stops working within that time.
/// </summary>
public sealed class ApiKeyCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (Actor? Actor, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string keyHash, out Actor? actor)
    {
        if (_entries.TryGetValue(keyHash, out var entry) && entry.Until > time.GetUtcNow())
        {
            actor = entry.Actor;
            return true;
        }

        actor = null;
        return false;
    }

    public void Set(string keyHash, Actor? actor)
    {
        if (_entries.Count > 10_000)
        {
            _entries.Clear();
        }

        _entries[keyHash] = (actor, time.GetUtcNow() + Lifetime);
    }

    /// <summary>Forgets every key at once, e.g. after a key was revoked through this process.</summary>
    public void Clear() => _entries.Clear();
}
