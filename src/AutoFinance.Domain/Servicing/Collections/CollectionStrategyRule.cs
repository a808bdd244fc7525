namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>One row of a strategy table: the action for a delinquency bucket and a risk grade, or for every grade when <see cref="Grade"/> is null.</summary>
public sealed record CollectionStrategyRule(string Bucket, string? Grade, CollectionAction Action);
