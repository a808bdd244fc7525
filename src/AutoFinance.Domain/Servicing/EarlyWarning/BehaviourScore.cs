namespace AutoFinance.Domain.Servicing.EarlyWarning;

/// <summary>A behavioural score: points from 0 (worst) to 1000 (best), a probability of default read from them, and the deductions that made it, largest first.</summary>
public sealed record BehaviourScore(int Points, decimal ProbabilityOfDefault, IReadOnlyList<ScoreDeduction> Deductions);
