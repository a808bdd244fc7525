using AutoFinance.Domain.Servicing.Collections;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// The collection strategy as configured (<c>Collections:Strategy</c>): rows of bucket, grade (empty for any),
/// behaviour score threshold (empty for any score) and action; without rows, the default table.
/// </summary>
public sealed class CollectionStrategyOptions
{
    public List<Row> Strategy { get; init; } = [];

    public CollectionStrategy ToStrategy() => Strategy.Count == 0
        ? CollectionStrategy.Default
        : new CollectionStrategy(Strategy.Select(r => new CollectionStrategyRule(
            r.Bucket ?? throw new InvalidOperationException("Collections:Strategy: every row needs a Bucket"),
            string.IsNullOrWhiteSpace(r.Grade) ? null : r.Grade,
            Enum.TryParse<CollectionAction>(r.Action, ignoreCase: true, out var action) ? action : throw new InvalidOperationException($"Collections:Strategy: '{r.Action}' is not an action ({string.Join(", ", Enum.GetNames<CollectionAction>())})"),
            r.BelowBehaviourScore)));

    public sealed class Row
    {
        public string? Bucket { get; init; }

        public string? Grade { get; init; }

        public string? Action { get; init; }

        public int? BelowBehaviourScore { get; init; }
    }
}
