namespace AutoFinance.Domain.Servicing.EarlyWarning;

/// <summary>Points taken off when days past due reach <see cref="MinDays"/> (the highest band reached applies).</summary>
public sealed record DaysPastDueBand(int MinDays, int Points);
