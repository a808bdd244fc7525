using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Challenger;

namespace AutoFinance.Credit.Scorecards;

/// <summary>The artefact of a training run and, when one was trained, the challenger whose model file goes beside it.</summary>
public sealed record TrainingResult(ScorecardDocument Document, TrainedChallenger? Challenger);
