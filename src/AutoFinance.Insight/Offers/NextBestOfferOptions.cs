namespace AutoFinance.Insight.Offers;

/// <summary>How the next best offer is chosen.</summary>
/// <param name="Caps">Frequency caps over the rolling window.</param>
/// <param name="Propensity">The propensity model.</param>
/// <param name="PropensityFloor">Below this propensity a message is not worth the customer's attention.</param>
public sealed record NextBestOfferOptions(FrequencyCaps Caps, PropensityModel Propensity, double PropensityFloor = 0.05)
{
    /// <summary>Default caps, the hand-set propensity priors and a 5% floor.</summary>
    public static NextBestOfferOptions Default { get; } = new(FrequencyCaps.Default, PropensityModel.Default);
}
