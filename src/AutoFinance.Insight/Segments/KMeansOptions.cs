namespace AutoFinance.Insight.Segments;

/// <summary>How k-means runs.</summary>
/// <param name="Seed">Seeds the k-means++ initialisation; the same data and seed give the same segments.</param>
/// <param name="Restarts">Independent k-means++ starts; the one with the lowest within-cluster sum of squares wins.</param>
/// <param name="MaxIterations">Lloyd iterations per start at most.</param>
public sealed record KMeansOptions(int Seed = 2026, int Restarts = 5, int MaxIterations = 100);
