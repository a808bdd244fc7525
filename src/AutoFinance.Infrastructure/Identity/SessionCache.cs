using System.Collections.Concurrent;
using AutoFinance.Application.Security;

namespace AutoFinance.Infrastructure.Identity;

/// <summary>
/// Sessions recently looked up, by token hash, so a signed-in caller making many requests is not looked up in the
/// database on every one. An entry is served for at most <see cref="Lifetime"/> after its read and never at or after
/// the session's idle deadline as read. Whatever ends sessions or changes accounts in this process (sign-out, an
/// administrator ending sessions, a revoked dealer key, a role change, an erasure) calls <see cref="Forget"/> once its
/// change is stored, and every entry read before is dropped at once; another process's change is seen within
/// <see cref="Lifetime"/>.
/// </summary>
public sealed class SessionCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>A session as read: who it is, when it began, where it ends if unused, and when and in which generation it was read.</summary>
    public sealed record Entry(Actor Actor, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset ReadAt, long Generation);

    /// <summary>Read before looking a session up in the database, and handed to <see cref="Set"/> with what was read.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string tokenHash, DateTimeOffset now, out Entry? entry)
    {
        if (_entries.TryGetValue(tokenHash, out entry)
            && entry.Generation == Generation
            && now >= entry.ReadAt && now - entry.ReadAt < Lifetime
            && now < entry.ExpiresAt)
        {
            return true;
        }

        entry = null;
        return false;
    }

    /// <summary>
    /// Keeps a session read from the database. An entry whose generation is no longer current is never served: a
    /// change stored while the session was being read counts as made after the read.
    /// </summary>
    public void Set(string tokenHash, Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_entries.Count > MaxEntries)
        {
            _entries.Clear();
        }

        _entries[tokenHash] = entry;
    }

    /// <summary>Drops every session read so far; call after storing a change that ends sessions or changes who a session is.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
