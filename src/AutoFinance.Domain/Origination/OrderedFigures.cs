using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace AutoFinance.Domain.Origination;

/// <summary>
/// The figures a check or reason carries (<see cref="RuleOutcome.Values"/>): a handful of names and invariant texts,
/// read back in the order they were set, found by an ordinal comparison of the names. A decision records a few dozen
/// of these; a hash table each would cost several times their size for lookups that a short scan answers as fast.
/// </summary>
/// <remarks>Setting a name again replaces its text in place, as a dictionary's indexer does; nothing is ever removed.</remarks>
public sealed class OrderedFigures : IReadOnlyDictionary<string, string>
{
    private KeyValuePair<string, string>[] pairs;
    private int count;

    public OrderedFigures(int capacity = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        pairs = capacity == 0 ? [] : new KeyValuePair<string, string>[capacity];
    }

    public OrderedFigures(params ReadOnlySpan<(string Key, string Value)> values)
        : this(values.Length)
    {
        foreach (var (key, value) in values)
        {
            this[key] = value;
        }
    }

    public int Count => count;

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < count; i++)
            {
                yield return pairs[i].Key;
            }
        }
    }

    public IEnumerable<string> Values
    {
        get
        {
            for (var i = 0; i < count; i++)
            {
                yield return pairs[i].Value;
            }
        }
    }

    public string this[string key]
    {
        get => IndexOf(key) is var i and >= 0 ? pairs[i].Value : throw new KeyNotFoundException($"The figure '{key}' was not set.");
        set
        {
            var i = IndexOf(key);
            if (i >= 0)
            {
                pairs[i] = new(key, value);
                return;
            }

            if (count == pairs.Length)
            {
                Array.Resize(ref pairs, Math.Max(4, count * 2));
            }

            pairs[count++] = new(key, value);
        }
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? pairs[i].Value : null;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return pairs[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(pairs[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
