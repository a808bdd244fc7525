namespace AutoFinance.Application.Origination;

/// <summary>
/// Thresholds of the fraud rules. A velocity rule trips on the application that makes the count exceed its limit
/// within the sliding window (the limit-th plus one).
/// </summary>
public sealed record FraudSettings
{
    public VelocityLimit NationalId { get; init; } = new(3, TimeSpan.FromDays(30));

    public VelocityLimit Mobile { get; init; } = new(3, TimeSpan.FromDays(30));

    public VelocityLimit Device { get; init; } = new(5, TimeSpan.FromDays(1));

    public VelocityLimit ClientIp { get; init; } = new(30, TimeSpan.FromHours(1));

    public VelocityLimit Dealer { get; init; } = new(500, TimeSpan.FromHours(1));

    /// <summary>Monthly income above which the stated income is implausible for the employment type.</summary>
    public IReadOnlyDictionary<string, decimal> MaxPlausibleIncome { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["salaried"] = 300_000m,
        ["self-employed"] = 2_000_000m,
        ["civil-servant"] = 100_000m,
        ["retired"] = 60_000m,
        ["other"] = 100_000m,
    };

    /// <summary>How long a decided application counts as open for the duplicate check.</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromDays(30);
}

public sealed record VelocityLimit(int Limit, TimeSpan Window);
