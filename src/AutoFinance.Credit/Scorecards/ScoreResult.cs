namespace AutoFinance.Credit.Scorecards;

/// <summary>The outcome of scoring one applicant; the reasons are written to the span the caller passed.</summary>
public readonly record struct ScoreResult(double Score, double Pd, int Grade, int ReasonCount, int NeutralCount);
