using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;
using static AutoFinance.Domain.Tests.Origination.Applications;

namespace AutoFinance.Domain.Tests.Origination;

/// <summary>A promotion is priced only inside its days and for the makes, models and terms it names.</summary>
public sealed class PromotionTests
{
    private static readonly RateCard SixPercent = new()
    {
        GradeRates = new Dictionary<string, decimal> { ["A"] = 0.06m },
        TermAdjustments = new Dictionary<int, decimal>(),
        MethodAdjustments = new Dictionary<RepaymentMethod, decimal>(),
        UsedVehicleAdjustment = 0m,
    };

    private static readonly Promotion SpringDiscount = new()
    {
        Code = "spring-2026",
        Name = "Spring: 1.5 points off",
        Sponsor = "lender",
        RateDiscount = 0.015m,
        MaxTermMonths = 60,
        Makes = ["BYD", "Geely"],
        Models = ["Seal", "Galaxy E8"],
        Terms = [24, 36],
        ValidFrom = new DateOnly(2026, 3, 1),
        ValidTo = new DateOnly(2026, 5, 31),
    };

    private static FinancingRequest Seal(int term = 36) => Typical() with { Make = "byd", Model = "SEAL", TermMonths = term };

    private static decimal RateOn(FinancingRequest plan, DateOnly day) =>
        Pricing.Price("A", plan, SixPercent with { Promotions = [SpringDiscount] }, day)!.AnnualRate;

    [Theory]
    [InlineData("2026-02-28", 0.06)]
    [InlineData("2026-03-01", 0.045)]
    [InlineData("2026-05-31", 0.045)]
    [InlineData("2026-06-01", 0.06)]
    public void A_discount_applies_from_its_first_day_to_its_last_day_inclusive(string day, double expected)
    {
        Assert.Equal((decimal)expected, RateOn(Seal(), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_plan_outside_the_promotions_makes_models_or_terms_pays_the_card_rate()
    {
        var april = new DateOnly(2026, 4, 15);

        Assert.Equal(0.045m, RateOn(Seal(24), april));
        Assert.Equal(0.06m, RateOn(Seal(48), april));
        Assert.Equal(0.06m, RateOn(Seal() with { Make = "Toyota" }, april));
        Assert.Equal(0.06m, RateOn(Seal() with { Model = "Han" }, april));
        Assert.Equal(0.045m, RateOn(Seal() with { Make = "GEELY", Model = "galaxy e8" }, april));
    }

    [Fact]
    public void A_discount_never_takes_the_rate_below_zero_and_the_lower_of_two_promotions_wins()
    {
        var april = new DateOnly(2026, 4, 15);
        var deep = SpringDiscount with { Code = "deep", RateDiscount = 0.10m };
        var fixedRate = SpringDiscount with { Code = "fixed", RateDiscount = null, AnnualRate = 0.0199m };

        Assert.Equal(0m, Pricing.Price("A", Seal(), SixPercent with { Promotions = [fixedRate, deep] }, april)!.AnnualRate);
        Assert.Equal("fixed", Pricing.Price("A", Seal(), SixPercent with { Promotions = [SpringDiscount, fixedRate] }, april)!.Promotion!.Code);
    }

    [Fact]
    public void Customers_read_the_offer_and_every_condition_in_their_language()
    {
        Assert.Equal(
            "1.5% off the standard rate; for BYD, Geely; models Seal, Galaxy E8; terms of 24, 36 months; applications from 2026-03-01 to 2026-05-31.",
            PromotionWording.Describe(SpringDiscount, english: true));
        Assert.Equal(
            "在标准利率上优惠 1.5%；适用品牌：BYD、Geely；适用车型：Seal、Galaxy E8；期限 24、36 个月；申请日期 2026-03-01 至 2026-05-31。",
            PromotionWording.Describe(SpringDiscount, english: false));
    }

    [Fact]
    public void A_fee_waiver_is_taken_at_the_card_rate_only_when_no_promotion_lowers_the_rate()
    {
        var april = new DateOnly(2026, 4, 15);
        var waiver = SpringDiscount with { Code = "no-fee", RateDiscount = null, WaivesPrepaymentFee = true };

        var alone = Pricing.Price("A", Seal(), SixPercent with { Promotions = [waiver] }, april)!;
        var beside = Pricing.Price("A", Seal(), SixPercent with { Promotions = [waiver, SpringDiscount] }, april)!;

        Assert.Equal(("no-fee", 0.06m, 0m), (alone.Promotion!.Code, alone.AnnualRate, alone.Subsidy));
        Assert.Equal("spring-2026", beside.Promotion!.Code);
        Assert.Null(Pricing.Price("A", Seal(), SixPercent with { Promotions = [waiver] }, new DateOnly(2026, 6, 1))!.Promotion);
        Assert.StartsWith("提前还款免手续费；", PromotionWording.Describe(waiver, english: false), StringComparison.Ordinal);
    }
}
