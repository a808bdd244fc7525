using AutoFinance.Insight.Offers;
using CsCheck;

namespace AutoFinance.Insight.Tests.Offers;

public sealed class NextBestOfferPropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private sealed record Step(int Hours, ContactChannel Channel, int ConsentEvent, ContactChannel ConsentChannel);

    private static readonly Gen<OfferCustomer> Customers =
        Gen.Select(Gen.Int[0, 400], Gen.Int[0, 40], Gen.Int[1, 60], Gen.Int[20, 95], Gen.Int[0, 2], Gen.Int[-5, 90], Gen.Int[0, 10])
            .Select((spreadBp, mob, remaining, ltv, bucket, insuranceDays, age) =>
                new OfferCustomer("C1", 0.05m + (spreadBp / 10_000m), 0.05m, mob, remaining, ltv / 100m, bucket, insuranceDays, age, mob % 9));

    private static readonly Gen<Step> Steps =
        Gen.Select(Gen.Int[0, 120], Gen.Enum<ContactChannel>(), Gen.Int[0, 5], Gen.Enum<ContactChannel>())
            .Select((h, c, e, ec) => new Step(h, c, e, ec));

    private static readonly Gen<FrequencyCaps> Caps =
        Gen.Select(Gen.Int[1, 40], Gen.Int[0, 5], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 3])
            .Select((days, total, sms, email, app, phone) => new FrequencyCaps(TimeSpan.FromDays(days), total, new Dictionary<ContactChannel, int>
            {
                [ContactChannel.Sms] = sms,
                [ContactChannel.Email] = email,
                [ContactChannel.App] = app,
                [ContactChannel.Phone] = phone,
            }));

    [Fact]
    public void No_offer_ever_exceeds_a_cap_or_goes_out_without_consent()
    {
        long offered = 0, capped = 0, noConsent = 0;
        Gen.Select(Customers, Caps, Steps.Array[1, 80]).Sample((customer, caps, steps) =>
        {
            var engine = new NextBestOffer(new NextBestOfferOptions(caps, PropensityModel.Default, PropensityFloor: 0.01));
            var consents = new List<ConsentRecord>();
            var sent = new List<MarketingContact>();
            var at = Start;
            foreach (var step in steps)
            {
                at = at.AddHours(step.Hours);
                // 0–1: grant, 2: withdraw, else nothing; recorded at the decision instant or just before.
                if (step.ConsentEvent <= 2)
                {
                    consents.Add(new ConsentRecord("C1", ConsentPurpose.Marketing, step.ConsentChannel, step.ConsentEvent < 2, at.AddMinutes(-step.Hours % 2)));
                }

                var result = engine.Decide(customer, step.Channel, at, consents, sent);
                Interlocked.Add(ref capped, result.Decisions.Count(d => d.Reason is SuppressionReason.CustomerCapReached or SuppressionReason.ChannelCapReached));
                Interlocked.Add(ref noConsent, result.Decisions.Count(d => d.Reason is SuppressionReason.NoConsent or SuppressionReason.ConsentWithdrawn));
                Assert.True(result.Decisions.Count(d => d.Outcome == OfferOutcome.Offered) <= 1);
                if (result.Offer is { } offer)
                {
                    Assert.Equal(ConsentState.Granted, ConsentLedger.StateAt(consents, "C1", ConsentPurpose.Marketing, step.Channel, at));
                    Assert.True(OfferEligibility.Check(offer.Product, customer).Eligible);
                    sent.Add(new MarketingContact("C1", step.Channel, offer.Product, at));
                    Interlocked.Increment(ref offered);
                }
            }

            foreach (var contact in sent)
            {
                var window = sent.Where(c => c.SentAt > contact.SentAt - caps.Window && c.SentAt <= contact.SentAt).ToArray();
                Assert.True(window.Length <= caps.PerCustomer, $"{window.Length} messages in the window, cap {caps.PerCustomer}");
                Assert.True(window.Count(c => c.Channel == contact.Channel) <= caps.ChannelCap(contact.Channel));
            }
        }, iter: 300);

        // The property is not vacuous: offers went out, and caps and consent both held some back.
        Assert.True(offered > 100, $"{offered} offers");
        Assert.True(capped > 0 && noConsent > 0, $"{capped} capped, {noConsent} without consent");
    }
}
