namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>
/// The collection strategy table: the action for each delinquency bucket (by name) and risk grade.
/// </summary>
/// <remarks>
/// Lookup: the row for the bucket and the exact grade (ordinal), else the bucket's row for every grade, else
/// <see cref="CollectionAction.None"/>. The default table, for <see cref="DelinquencyBuckets.Default"/> and grades
/// A–E (A best):
/// <code>
/// bucket    A, B, C         D, E and any other grade
/// Current   none            none
/// 1-30      reminder SMS    call
/// 31-60     call            field visit
/// 61-90     field visit     field visit
/// 91-180    legal           legal
/// 180+      legal           legal
/// </code>
/// </remarks>
public sealed class CollectionStrategy
{
    public static readonly CollectionStrategy Default = new(
    [
        new("Current", null, CollectionAction.None),
        new("1-30", null, CollectionAction.Call),
        new("1-30", "A", CollectionAction.ReminderSms),
        new("1-30", "B", CollectionAction.ReminderSms),
        new("1-30", "C", CollectionAction.ReminderSms),
        new("31-60", null, CollectionAction.FieldVisit),
        new("31-60", "A", CollectionAction.Call),
        new("31-60", "B", CollectionAction.Call),
        new("31-60", "C", CollectionAction.Call),
        new("61-90", null, CollectionAction.FieldVisit),
        new("91-180", null, CollectionAction.Legal),
        new("180+", null, CollectionAction.Legal),
    ]);

    private readonly Dictionary<(string Bucket, string? Grade), CollectionAction> table;

    /// <summary>A table from its rows; a bucket and grade may appear once.</summary>
    public CollectionStrategy(IEnumerable<CollectionStrategyRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules.ToArray();
        table = [];
        foreach (var rule in Rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
            ArgumentException.ThrowIfNullOrWhiteSpace(rule.Bucket, nameof(rules));
            if (!Enum.IsDefined(rule.Action))
            {
                throw new ArgumentOutOfRangeException(nameof(rules), rule.Action, "Not a collection action.");
            }

            if (!table.TryAdd((rule.Bucket, rule.Grade), rule.Action))
            {
                throw new ArgumentException($"Bucket '{rule.Bucket}' and grade '{rule.Grade ?? "any"}' appear twice.", nameof(rules));
            }
        }
    }

    public IReadOnlyList<CollectionStrategyRule> Rules { get; }

    /// <summary>The action for an account in <paramref name="bucket"/> with risk grade <paramref name="grade"/>.</summary>
    public CollectionAction ActionFor(string bucket, string? grade)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return grade is not null && table.TryGetValue((bucket, grade), out var exact) ? exact
            : table.TryGetValue((bucket, null), out var any) ? any
            : CollectionAction.None;
    }

    /// <summary>This table with one row set (added or replaced).</summary>
    public CollectionStrategy With(string bucket, string? grade, CollectionAction action) =>
        new(Rules.Where(rule => rule.Bucket != bucket || rule.Grade != grade).Append(new CollectionStrategyRule(bucket, grade, action)));
}
