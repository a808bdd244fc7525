namespace AutoFinance.Domain.Servicing.EarlyWarning;

/// <summary>Points a behavioural score lost for one reason (see <see cref="EarlyWarningCodes"/>).</summary>
public sealed record ScoreDeduction(string Code, int Points);
