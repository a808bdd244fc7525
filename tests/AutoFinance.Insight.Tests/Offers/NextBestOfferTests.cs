using AutoFinance.Insight.Offers;

namespace AutoFinance.Insight.Tests.Offers;

public sealed class NextBestOfferTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    // Eligible for refinance (2 points above the market) and insurance renewal (expires in 20 days).
    private static readonly OfferCustomer Customer = new("C1", 0.079m, 0.059m, 14, 40, 0.7m, 0, 20, 2, 6);

    private static readonly NextBestOffer Engine = new(NextBestOfferOptions.Default);

    private static ConsentRecord Grant(ContactChannel channel, DateTimeOffset at) => new("C1", ConsentPurpose.Marketing, channel, true, at);

    private static ConsentRecord Withdraw(ContactChannel channel, DateTimeOffset at) => new("C1", ConsentPurpose.Marketing, channel, false, at);

    [Fact]
    public void The_most_likely_eligible_product_is_offered_and_every_product_is_logged()
    {
        var result = Engine.Decide(Customer, ContactChannel.Sms, Now, [Grant(ContactChannel.Sms, Now.AddDays(-100))], []);
        Assert.NotNull(result.Offer);
        Assert.Equal(4, result.Decisions.Count);
        var offered = Assert.Single(result.Decisions, d => d.Outcome == OfferOutcome.Offered);
        var runnerUp = Assert.Single(result.Decisions, d => d.Reason == SuppressionReason.Outranked);
        Assert.True(offered.Propensity >= runnerUp.Propensity);
        Assert.Equal(SuppressionReason.NotEligible, result.Decisions.Single(d => d.Product == OfferProduct.TopUp).Reason);
        Assert.Equal("loan-to-value above 60%", result.Decisions.Single(d => d.Product == OfferProduct.TopUp).Detail);
        Assert.Equal(SuppressionReason.NotEligible, result.Decisions.Single(d => d.Product == OfferProduct.TradeIn).Reason);
    }

    [Fact]
    public void No_marketing_without_consent_for_that_channel()
    {
        var serviceOnly = new ConsentRecord("C1", ConsentPurpose.Service, ContactChannel.Sms, true, Now.AddDays(-1));
        var otherChannel = Grant(ContactChannel.Email, Now.AddDays(-1));
        var result = Engine.Decide(Customer, ContactChannel.Sms, Now, [serviceOnly, otherChannel], []);
        Assert.Null(result.Offer);
        Assert.All(result.Decisions.Where(d => d.Reason != SuppressionReason.NotEligible), d => Assert.Equal(SuppressionReason.NoConsent, d.Reason));
    }

    [Fact]
    public void Withdrawn_consent_blocks_and_a_later_grant_restores()
    {
        ConsentRecord[] withdrawn = [Grant(ContactChannel.App, Now.AddDays(-30)), Withdraw(ContactChannel.App, Now.AddDays(-2))];
        var blocked = Engine.Decide(Customer, ContactChannel.App, Now, withdrawn, []);
        Assert.Null(blocked.Offer);
        Assert.Contains(blocked.Decisions, d => d.Reason == SuppressionReason.ConsentWithdrawn);

        var regranted = Engine.Decide(Customer, ContactChannel.App, Now, [.. withdrawn, Grant(ContactChannel.App, Now.AddDays(-1))], []);
        Assert.NotNull(regranted.Offer);
    }

    [Fact]
    public void Grant_and_withdrawal_at_the_same_instant_mean_no_consent()
    {
        var at = Now.AddDays(-1);
        Assert.Equal(ConsentState.Withdrawn, ConsentLedger.StateAt([Grant(ContactChannel.Sms, at), Withdraw(ContactChannel.Sms, at)], "C1", ConsentPurpose.Marketing, ContactChannel.Sms, Now));
        Assert.Equal(ConsentState.NeverGiven, ConsentLedger.StateAt([Grant(ContactChannel.Sms, Now.AddDays(1))], "C1", ConsentPurpose.Marketing, ContactChannel.Sms, Now));
    }

    [Fact]
    public void Channel_cap_counts_the_rolling_window_only()
    {
        ConsentRecord[] consent = [Grant(ContactChannel.Sms, Now.AddDays(-100))];
        MarketingContact[] twoRecentSms =
        [
            new("C1", ContactChannel.Sms, OfferProduct.Refinance, Now.AddDays(-3)),
            new("C1", ContactChannel.Sms, OfferProduct.InsuranceRenewal, Now.AddDays(-29)),
        ];
        var capped = Engine.Decide(Customer, ContactChannel.Sms, Now, consent, twoRecentSms);
        Assert.Null(capped.Offer);
        Assert.Contains(capped.Decisions, d => d.Reason == SuppressionReason.ChannelCapReached);

        // 30 days later the older message has left the window (the window is (t − 30 days, t]).
        var later = Engine.Decide(Customer, ContactChannel.Sms, Now.AddDays(1), consent, twoRecentSms);
        Assert.NotNull(later.Offer);
    }

    [Fact]
    public void Customer_cap_counts_every_channel()
    {
        ConsentRecord[] consent = [Grant(ContactChannel.App, Now.AddDays(-100))];
        var four = new[] { ContactChannel.Sms, ContactChannel.Email, ContactChannel.Phone, ContactChannel.Email }
            .Select((c, i) => new MarketingContact("C1", c, OfferProduct.Refinance, Now.AddDays(-i - 1))).ToArray();
        var result = Engine.Decide(Customer, ContactChannel.App, Now, consent, four);
        Assert.Null(result.Offer);
        Assert.Contains(result.Decisions, d => d.Reason == SuppressionReason.CustomerCapReached);
    }

    [Fact]
    public void Eligibility_rules_hold_at_their_boundaries()
    {
        Assert.False(OfferEligibility.Check(OfferProduct.Refinance, Customer with { CustomerRate = 0.0689m }).Eligible);
        Assert.True(OfferEligibility.Check(OfferProduct.Refinance, Customer with { CustomerRate = 0.069m }).Eligible);
        Assert.False(OfferEligibility.Check(OfferProduct.Refinance, Customer with { MaxBucketLast6Months = 1 }).Eligible);
        Assert.True(OfferEligibility.Check(OfferProduct.TopUp, Customer with { CurrentLoanToValue = 0.60m }).Eligible);
        Assert.True(OfferEligibility.Check(OfferProduct.InsuranceRenewal, Customer with { DaysToInsuranceExpiry = 60 }).Eligible);
        Assert.False(OfferEligibility.Check(OfferProduct.InsuranceRenewal, Customer with { DaysToInsuranceExpiry = 61 }).Eligible);
        Assert.True(OfferEligibility.Check(OfferProduct.TradeIn, Customer with { VehicleAgeYears = 4 }).Eligible);
    }
}
