namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>One account seen at two month ends in a row: the bucket it closed the first month in, and the state a month later.</summary>
public sealed record BucketMove(string From, string To);
