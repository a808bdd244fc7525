namespace AutoFinance.Insight.Churn;

/// <summary>A feature that pushes a customer towards leaving, with its contribution to the model's score.</summary>
public sealed record ChurnReason(string Feature, string Text, double Contribution);

/// <summary>A customer likely to leave, with the probability and the strongest reasons, strongest first.</summary>
public sealed record AtRiskCustomer(string CustomerId, DateOnly AsOf, double Probability, IReadOnlyList<ChurnReason> Reasons);
