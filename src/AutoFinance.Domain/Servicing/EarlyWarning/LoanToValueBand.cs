namespace AutoFinance.Domain.Servicing.EarlyWarning;

/// <summary>Points taken off when loan-to-value is above <see cref="Above"/> (the highest band passed applies).</summary>
public sealed record LoanToValueBand(decimal Above, int Points);
