namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>
/// One row of a strategy table: the action for a delinquency bucket and a risk grade (every grade when
/// <see cref="Grade"/> is null), optionally only for accounts whose behaviour score is below
/// <see cref="BelowBehaviourScore"/> (0–1000, higher is better paying).
/// </summary>
public sealed record CollectionStrategyRule(string Bucket, string? Grade, CollectionAction Action, int? BelowBehaviourScore = null);
