namespace AutoFinance.Domain.Servicing.Vehicles;

/// <summary>A point of a depreciation curve: at <see cref="AgeMonths"/> a vehicle keeps <see cref="Retention"/> of its price new (0.61 = 61%).</summary>
public readonly record struct DepreciationPoint(int AgeMonths, decimal Retention);
