namespace AutoFinance.Insight.Offers;

/// <summary>Offered or not.</summary>
public enum OfferOutcome
{
    /// <summary>The offer goes out on the channel.</summary>
    Offered,

    /// <summary>The offer is held back; the reason says why.</summary>
    Suppressed,
}

/// <summary>Why an offer was held back, in the order the checks run.</summary>
public enum SuppressionReason
{
    /// <summary>The product's eligibility rules do not hold.</summary>
    NotEligible,

    /// <summary>No marketing consent was ever given for the channel.</summary>
    NoConsent,

    /// <summary>Marketing consent for the channel was withdrawn.</summary>
    ConsentWithdrawn,

    /// <summary>The customer's cap over the rolling window is reached.</summary>
    CustomerCapReached,

    /// <summary>The channel's cap over the rolling window is reached.</summary>
    ChannelCapReached,

    /// <summary>Propensity below the floor worth a message.</summary>
    BelowPropensityFloor,

    /// <summary>Another product ranked higher; one offer per decision.</summary>
    Outranked,
}

/// <summary>One product's decision for one customer on one channel: the record to log and audit.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Product">The product considered.</param>
/// <param name="Channel">The channel considered.</param>
/// <param name="DecidedAt">When the decision was taken.</param>
/// <param name="Outcome">Offered or suppressed.</param>
/// <param name="Reason">Why suppressed; null when offered.</param>
/// <param name="Propensity">The product's propensity (0 when not eligible).</param>
/// <param name="Detail">The rule or figure behind the outcome, in words (no personal data).</param>
public sealed record OfferDecision(
    string CustomerId,
    OfferProduct Product,
    ContactChannel Channel,
    DateTimeOffset DecidedAt,
    OfferOutcome Outcome,
    SuppressionReason? Reason,
    double Propensity,
    string Detail);

/// <summary>The offer chosen (if any) and one decision per product considered.</summary>
public sealed record OfferDecisionSet(OfferDecision? Offer, IReadOnlyList<OfferDecision> Decisions);
