namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>One line of the collections worklist: the account, its bucket, the strategy's action, its roll-forward rate and priority.</summary>
/// <param name="Rank">1 for the account to work first.</param>
/// <param name="Priority">Amount at risk × roll-forward probability: the loss expected to grow next month if nothing is done.</param>
public sealed record WorklistItem(int Rank, CollectionAccount Account, string Bucket, CollectionAction Action, decimal RollForward, decimal Priority);
