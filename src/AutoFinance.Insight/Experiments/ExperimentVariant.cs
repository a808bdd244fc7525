namespace AutoFinance.Insight.Experiments;

/// <summary>One arm of an experiment and its share of traffic (weights are relative: 1 and 1 split evenly).</summary>
public sealed record ExperimentVariant(string Name, double Weight);
