using AutoFinance.Credit.Artefacts;

namespace AutoFinance.Credit.Challenger;

/// <summary>The chosen candidate, the rounds of the final booster, its out-of-fold raw scores (one per training row) and the figures of the search.</summary>
internal sealed record ChallengerSearchResult(
    ChallengerGridPoint Chosen,
    int FinalTrees,
    double[] OutOfFoldRaw,
    CrossValidationFigures CrossValidation,
    IReadOnlyList<ChallengerGridPoint> Grid);
