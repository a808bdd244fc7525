using AutoFinance.Insight.Tags;

namespace AutoFinance.Insight.Tests.Tags;

public sealed class TagCatalogueTests
{
    private static readonly CustomerSnapshot Plain = new("C1", new DateOnly(2026, 3, 1), false, 10, 2, 0, 0.5m, 1, 0, 0, 30);

    [Fact]
    public void A_plain_customer_has_no_tags()
    {
        Assert.Empty(TagCatalogue.Default.Evaluate(Plain));
    }

    [Fact]
    public void Each_rule_tags_the_customer_it_describes()
    {
        var snapshot = Plain with
        {
            OwnsNewEnergyVehicle = true,
            PaymentsEarly = 5,
            MaxBucketLast6Months = 1,
            CurrentLoanToValue = 0.81m,
            ActiveLoans = 2,
            ComplaintsLast12Months = 1,
            DigitalSessionsLast3Months = 5,
            MonthsToMaturity = 6,
        };
        Assert.Equal(
            ["new-energy-owner", "early-payer", "bucket-1-last-6m", "high-ltv", "multi-loan", "recent-complainant", "digital-active", "near-maturity"],
            TagCatalogue.Default.Evaluate(snapshot));
    }

    [Theory]
    [InlineData(2, 2, false)]   // too few payments to judge
    [InlineData(3, 2, true)]    // two of three early
    [InlineData(4, 2, true)]    // exactly half
    [InlineData(5, 2, false)]   // fewer than half
    public void Early_payer_needs_three_payments_and_half_early(int made, int early, bool tagged)
    {
        var codes = TagCatalogue.Default.Evaluate(Plain with { PaymentsMade = made, PaymentsEarly = early });
        Assert.Equal(tagged, codes.Contains("early-payer"));
    }

    [Fact]
    public void High_ltv_starts_above_eighty_percent()
    {
        Assert.DoesNotContain("high-ltv", TagCatalogue.Default.Evaluate(Plain with { CurrentLoanToValue = 0.80m }));
        Assert.Contains("high-ltv", TagCatalogue.Default.Evaluate(Plain with { CurrentLoanToValue = 0.8001m }));
    }

    [Fact]
    public void Tag_diff_lists_added_and_removed_codes()
    {
        var diff = TagDiff.Between(["early-payer", "high-ltv"], ["high-ltv", "bucket-1-last-6m", "digital-active"]);
        Assert.Equal(["bucket-1-last-6m", "digital-active"], diff.Added);
        Assert.Equal(["early-payer"], diff.Removed);
        Assert.True(TagDiff.Between(["a"], ["a"]).IsEmpty);
    }

    [Fact]
    public void Duplicate_codes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new TagCatalogue([new("x", "X", "X", "-", _ => true), new("x", "X", "X", "-", _ => false)]));
    }
}
