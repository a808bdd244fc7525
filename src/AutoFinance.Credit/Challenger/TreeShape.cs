namespace AutoFinance.Credit.Challenger;

/// <summary>How large and how penalised one tree may grow: leaves, fewest rows a leaf holds, L2 penalty on leaf values.</summary>
public sealed record TreeShape(int Leaves, int MinExamplesPerLeaf, double L2Regularization);
