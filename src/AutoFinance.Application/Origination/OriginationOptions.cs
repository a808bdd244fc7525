namespace AutoFinance.Application.Origination;

/// <summary>Settings of origination that are not a product's: the default product and the referral SLA.</summary>
public sealed record OriginationOptions
{
    public string DefaultProduct { get; init; } = "car-loan";

    /// <summary>How long an underwriter has to decide a referral.</summary>
    public TimeSpan ReferralSla { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Score the challenger beside the active model on every decision.</summary>
    public bool ScoreChallenger { get; init; } = true;
}
