using AutoFinance.Credit.Artefacts;

namespace AutoFinance.Credit.Challenger;

/// <summary>The chosen candidate, its out-of-fold raw scores (one per training row) and the figures of the search.</summary>
internal sealed record ChallengerSearchResult(
    int Trees,
    double LearningRate,
    double[] OutOfFoldRaw,
    CrossValidationFigures CrossValidation,
    IReadOnlyList<ChallengerGridPoint> Grid);
