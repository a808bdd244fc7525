using static System.FormattableString;

namespace AutoFinance.Insight.Offers;

/// <summary>Chooses at most one offer for a customer on a channel, and says for every product why it was or was not offered.</summary>
/// <remarks>
/// For every product, checks in this order, the first failing one being the recorded reason:
/// eligibility rules; marketing consent for the channel at the instant (<see cref="ConsentLedger"/>: never given or
/// withdrawn blocks); the customer's cap, then the channel's cap, counting this offer, over the rolling window
/// (<see cref="FrequencyCaps"/>); the propensity floor. The products that pass are ranked by propensity (ties in
/// product order); the first is offered, the rest are recorded as outranked. The caller records an offered decision
/// as a <see cref="MarketingContact"/> once sent, so the next decision counts it.
/// </remarks>
public sealed class NextBestOffer(NextBestOfferOptions options)
{
    /// <summary>Decides for one customer on one channel at <paramref name="at"/>.</summary>
    public OfferDecisionSet Decide(
        OfferCustomer customer,
        ContactChannel channel,
        DateTimeOffset at,
        IEnumerable<ConsentRecord> consents,
        IEnumerable<MarketingContact> contacts)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(consents);
        ArgumentNullException.ThrowIfNull(contacts);
        var consent = ConsentLedger.StateAt(consents, customer.CustomerId, ConsentPurpose.Marketing, channel, at);
        var recent = options.Caps.InWindow(contacts, customer.CustomerId, at);
        var byChannel = recent.Count(c => c.Channel == channel);
        var channelCap = options.Caps.ChannelCap(channel);

        var decisions = new List<OfferDecision>();
        var candidates = new List<(OfferProduct Product, double Propensity, string Why)>();
        foreach (var product in Enum.GetValues<OfferProduct>())
        {
            var eligibility = OfferEligibility.Check(product, customer);
            if (!eligibility.Eligible)
            {
                decisions.Add(Suppressed(product, SuppressionReason.NotEligible, 0, eligibility.Reason));
                continue;
            }

            var propensity = options.Propensity.Score(product, customer);
            SuppressionReason? reason = consent switch
            {
                ConsentState.NeverGiven => SuppressionReason.NoConsent,
                ConsentState.Withdrawn => SuppressionReason.ConsentWithdrawn,
                _ when recent.Count + 1 > options.Caps.PerCustomer => SuppressionReason.CustomerCapReached,
                _ when byChannel + 1 > channelCap => SuppressionReason.ChannelCapReached,
                _ when propensity < options.PropensityFloor => SuppressionReason.BelowPropensityFloor,
                _ => null,
            };
            if (reason is { } r)
            {
                decisions.Add(Suppressed(product, r, propensity, Detail(r, recent.Count, byChannel, channelCap, propensity)));
            }
            else
            {
                candidates.Add((product, propensity, eligibility.Reason));
            }
        }

        OfferDecision? offer = null;
        foreach (var (product, propensity, why) in candidates.OrderByDescending(c => c.Propensity).ThenBy(c => c.Product))
        {
            if (offer is null)
            {
                offer = new OfferDecision(customer.CustomerId, product, channel, at, OfferOutcome.Offered, null, propensity,
                    Invariant($"{why}; propensity {propensity:F3}"));
                decisions.Add(offer);
            }
            else
            {
                decisions.Add(Suppressed(product, SuppressionReason.Outranked, propensity, Invariant($"outranked by {offer.Product} ({offer.Propensity:F3})")));
            }
        }

        return new OfferDecisionSet(offer, decisions.OrderBy(d => d.Product).ToArray());

        OfferDecision Suppressed(OfferProduct product, SuppressionReason reason, double propensity, string detail) =>
            new(customer.CustomerId, product, channel, at, OfferOutcome.Suppressed, reason, propensity, detail);
    }

    private string Detail(SuppressionReason reason, int total, int byChannel, int channelCap, double propensity) => reason switch
    {
        SuppressionReason.NoConsent => "no marketing consent on this channel",
        SuppressionReason.ConsentWithdrawn => "marketing consent withdrawn on this channel",
        SuppressionReason.CustomerCapReached => Invariant($"{total} of {options.Caps.PerCustomer} messages in the last {options.Caps.Window.TotalDays:0} days"),
        SuppressionReason.ChannelCapReached => Invariant($"{byChannel} of {channelCap} messages on this channel in the last {options.Caps.Window.TotalDays:0} days"),
        SuppressionReason.BelowPropensityFloor => Invariant($"propensity {propensity:F3} below {options.PropensityFloor:F3}"),
        _ => reason.ToString(),
    };
}
