namespace AutoFinance.Domain.Origination;

/// <summary>What the customer or dealer wants to see first, and how many offers.</summary>
public sealed record OfferPreferences
{
    public static OfferPreferences Default { get; } = new();

    public OfferRanking Ranking { get; init; } = OfferRanking.LowestTotalCost;

    /// <summary>The monthly payment aimed at by <see cref="OfferRanking.ClosestPayment"/>; the requested plan's payment when null.</summary>
    public decimal? TargetPayment { get; init; }

    /// <summary>The most offers returned (at least 1).</summary>
    public int MaxOffers { get; init; } = 4;
}
