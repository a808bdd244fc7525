namespace AutoFinance.Insight.Tags;

/// <summary>How a customer's tags changed between two evaluations: the history entry to store.</summary>
public sealed record TagDiff(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    /// <summary>True when nothing changed.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;

    /// <summary>Codes in <paramref name="current"/> but not <paramref name="previous"/> (added) and the reverse (removed), each sorted ordinally.</summary>
    public static TagDiff Between(IEnumerable<string> previous, IEnumerable<string> current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var before = previous.ToHashSet(StringComparer.Ordinal);
        var after = current.ToHashSet(StringComparer.Ordinal);
        return new TagDiff(
            after.Except(before).Order(StringComparer.Ordinal).ToArray(),
            before.Except(after).Order(StringComparer.Ordinal).ToArray());
    }
}
