namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>
/// The collection strategy table: the action for each delinquency bucket (by name), risk grade and behaviour score.
/// </summary>
/// <remarks>
/// Lookup: among the bucket's rows whose score condition holds (no condition, or the account's behaviour score below
/// the row's threshold), the row for the exact grade (ordinal) before a row for every grade, and within each the
/// lowest threshold first (the most specific), then the row without one; else <see cref="CollectionAction.None"/>.
/// An account without a behaviour score meets no score condition. The default table, for
/// <see cref="DelinquencyBuckets.Default"/> and grades A–E (A best), has no score rows (a new loan has no payment
/// history to score, so a lender sets its thresholds from its own book, through <see cref="With"/> or configuration):
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


    /// <summary>A table from its rows; a bucket and grade may appear once.</summary>
    public CollectionStrategy(IEnumerable<CollectionStrategyRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules.ToArray();
        var seen = new HashSet<(string, string?, int?)>();
        foreach (var rule in Rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
            ArgumentException.ThrowIfNullOrWhiteSpace(rule.Bucket, nameof(rules));
            if (!Enum.IsDefined(rule.Action))
            {
                throw new ArgumentOutOfRangeException(nameof(rules), rule.Action, "Not a collection action.");
            }

            if (rule.BelowBehaviourScore is < 0 or > 1001)
            {
                throw new ArgumentOutOfRangeException(nameof(rules), rule.BelowBehaviourScore, "A behaviour score threshold is between 0 and 1001.");
            }

            if (!seen.Add((rule.Bucket, rule.Grade, rule.BelowBehaviourScore)))
            {
                throw new ArgumentException($"Bucket '{rule.Bucket}', grade '{rule.Grade ?? "any"}' and score threshold '{rule.BelowBehaviourScore?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}' appear twice.", nameof(rules));
            }
        }
    }

    public IReadOnlyList<CollectionStrategyRule> Rules { get; }

    /// <summary>The action for an account in <paramref name="bucket"/> with risk grade <paramref name="grade"/> and, when known, its behaviour score.</summary>
    public CollectionAction ActionFor(string bucket, string? grade, int? behaviourScore = null)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return Rules
            .Where(rule => rule.Bucket == bucket && (rule.Grade is null || rule.Grade == grade))
            .Where(rule => rule.BelowBehaviourScore is not { } below || (behaviourScore is { } score && score < below))
            .OrderBy(rule => rule.Grade is null ? 1 : 0)
            .ThenBy(rule => rule.BelowBehaviourScore ?? int.MaxValue)
            .Select(rule => (CollectionAction?)rule.Action)
            .FirstOrDefault() ?? CollectionAction.None;
    }

    /// <summary>This table with one row set (added or replaced).</summary>
    public CollectionStrategy With(string bucket, string? grade, CollectionAction action, int? belowBehaviourScore = null) =>
        new(Rules.Where(rule => rule.Bucket != bucket || rule.Grade != grade || rule.BelowBehaviourScore != belowBehaviourScore)
            .Append(new CollectionStrategyRule(bucket, grade, action, belowBehaviourScore)));
}
