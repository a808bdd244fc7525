namespace AutoFinance.Credit.Modelling;

/// <summary>A fitted logistic regression: logit P(bad) = Intercept + Σ Coefficients[j]·x[j].</summary>
public sealed record LogisticFit(double Intercept, double[] Coefficients, double[] StandardErrors, int Iterations, double LogLikelihood);
