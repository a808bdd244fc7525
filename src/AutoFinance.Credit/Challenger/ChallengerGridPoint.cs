namespace AutoFinance.Credit.Challenger;

/// <summary>One candidate of the hyperparameter search with its cross-validated AUC (mean and spread over folds).</summary>
public sealed record ChallengerGridPoint(int Trees, double LearningRate, double CvAuc, double CvAucStdDev);
