namespace AutoFinance.Insight.Knowledge;

/// <summary>A document found by a search and its BM25 score.</summary>
public sealed record SearchHit(string Id, double Score);
