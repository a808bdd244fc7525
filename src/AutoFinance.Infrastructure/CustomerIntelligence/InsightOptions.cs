namespace AutoFinance.Infrastructure.CustomerIntelligence;

/// <summary>The economic assumptions and thresholds the insight refresh and the next-best offer use.</summary>
public sealed record InsightOptions
{
    /// <summary>Today's annual rate for a comparable new car loan (a fraction): the refinancing benchmark.</summary>
    public decimal MarketRate { get; init; } = 0.03m;

    /// <summary>Annual cost of funds (a fraction): margin = balance × (loan rate − this) / 12.</summary>
    public decimal FundingRate { get; init; } = 0.025m;

    /// <summary>Annual rate lifetime value is discounted at.</summary>
    public decimal DiscountRate { get; init; } = 0.08m;

    /// <summary>Share of the balance lost when a loan defaults.</summary>
    public decimal LossGivenDefault { get; init; } = 0.45m;

    /// <summary>Segment counts tried (k from 2 to this, at most customers − 1).</summary>
    public int MaxSegments { get; init; } = 6;

    /// <summary>Platform observations needed before the churn model trains on the platform's own history.</summary>
    public int MinPlatformObservations { get; init; } = 1000;

    /// <summary>Leavers among them needed too.</summary>
    public int MinPlatformLeavers { get; init; } = 30;

    /// <summary>Monthly default probability by delinquency bucket index (Current, 1-30, 31-60, 61-90, 91-180, 180+).</summary>
    public IReadOnlyList<decimal> MonthlyDefaultByBucket { get; init; } = [0.001m, 0.02m, 0.08m, 0.2m, 0.4m, 0.6m];
}
