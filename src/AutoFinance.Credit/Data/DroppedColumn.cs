namespace AutoFinance.Credit.Data;

/// <summary>A column left out at load time and why.</summary>
public sealed record DroppedColumn(string Name, string Reason);
