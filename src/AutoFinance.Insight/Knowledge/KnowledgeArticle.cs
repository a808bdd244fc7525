namespace AutoFinance.Insight.Knowledge;

/// <summary>A help article: title and body in one language.</summary>
public sealed record KnowledgeArticle(string Id, string Language, string Title, string Body);
