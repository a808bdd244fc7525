namespace AutoFinance.Credit.Challenger;

/// <summary>
/// One candidate of the hyperparameter search with its cross-validated AUC (mean and spread over folds). With early
/// stopping, <see cref="Trees"/> is the mean over folds of the round each fold's validation AUC peaked at.
/// </summary>
public sealed record ChallengerGridPoint(int Trees, double LearningRate, TreeShape Shape, double CvAuc, double CvAucStdDev);
