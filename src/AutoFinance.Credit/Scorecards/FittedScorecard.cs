using AutoFinance.Credit.Artefacts;

namespace AutoFinance.Credit.Scorecards;

/// <summary>The scoring part of a scorecard fitted on one sample, before validation figures are attached.</summary>
public sealed record FittedScorecard(double Intercept, IReadOnlyList<Characteristic> Characteristics, IReadOnlyList<SelectionEntry> SelectionLog);
