using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;
using CsCheck;
using static AutoFinance.Domain.Tests.Origination.Applications;

namespace AutoFinance.Domain.Tests.Origination;

public sealed class PricingTests
{
    /// <summary>A card at 12% a year (1% a month) with no adjustments, so schedules can be checked by hand.</summary>
    private static readonly RateCard TwelvePercent = new()
    {
        GradeRates = new Dictionary<string, decimal> { ["A"] = 0.12m },
        TermAdjustments = new Dictionary<int, decimal>(),
        MethodAdjustments = new Dictionary<RepaymentMethod, decimal>(),
        UsedVehicleAdjustment = 0m,
    };

    private static Promotion Sponsored(decimal rate, int maxTerm = 24) => new()
    {
        Code = "geely-subsidy",
        Name = "Geely low-rate finance",
        Sponsor = "Geely Auto",
        AnnualRate = rate,
        MaxTermMonths = maxTerm,
        Make = "GEELY",
        Condition = VehicleCondition.New,
    };

    /// <summary>10,000 over 12 months from 15 January, first due 15 February: a regular first month.</summary>
    private static FinancingRequest TenThousandOverAYear() => Typical() with { VehiclePrice = 20_000m, DownPayment = 10_000m, TermMonths = 12 };

    private static readonly DateOnly January15 = new(2026, 1, 15);

    [Theory]
    [InlineData("A", 36, RepaymentMethod.Annuity, VehicleCondition.New, 0.0399)]
    [InlineData("B", 36, RepaymentMethod.Annuity, VehicleCondition.New, 0.0499)]
    [InlineData("B", 60, RepaymentMethod.EqualPrincipal, VehicleCondition.New, 0.0549)]
    [InlineData("C", 48, RepaymentMethod.Balloon, VehicleCondition.New, 0.0674)]
    [InlineData("F", 36, RepaymentMethod.Annuity, VehicleCondition.Used, 0.1399)]
    public void Card_rate_is_the_grade_rate_plus_term_method_and_condition_adjustments(string grade, int term, RepaymentMethod method, VehicleCondition condition, double expected)
    {
        var plan = Typical() with { TermMonths = term, Method = method, Condition = condition, BalloonFraction = method == RepaymentMethod.Balloon ? 0.3m : 0m };

        var price = Pricing.Price(grade, plan, RateCard.Default, Start)!;

        Assert.Equal((decimal)expected, price.CardRate);
        Assert.Equal(price.CardRate, price.AnnualRate);
        Assert.Null(price.Promotion);
        Assert.Equal(0m, price.Subsidy);
    }

    [Fact]
    public void Grade_g_and_unknown_grades_are_not_priced()
    {
        Assert.Null(Pricing.Price("G", Typical(), RateCard.Default, Start));
        Assert.Null(Pricing.Price("Z", Typical(), RateCard.Default, Start));
        Assert.False(RateCard.Default.IsPriced("G"));
    }

    [Fact]
    public void Zero_rate_subsidy_is_all_the_interest_of_the_card_rate_schedule_to_the_cent()
    {
        // By hand at 1% a month: payment round(10,000 × 0.01 / (1 − 1.01^−12)) = 888.49; interest per month
        // 100.00, 92.12, 84.15, 76.11, 67.98, 59.78, 51.49, 43.12, 34.67, 26.13, 17.51, 8.80 = 661.86
        // (the last instalment, 888.47, clears the remaining 879.67).
        var card = TwelvePercent with { Promotions = [Sponsored(0m)] };

        var price = Pricing.Price("A", TenThousandOverAYear(), card, January15)!;

        Assert.Equal(0m, price.AnnualRate);
        Assert.Equal(0.12m, price.CardRate);
        Assert.Equal("Geely low-rate finance", price.Promotion!.Name);
        Assert.Equal(661.86m, price.Subsidy);
    }

    [Fact]
    public void Low_rate_subsidy_is_the_interest_difference_between_the_two_schedules_to_the_cent()
    {
        // At 0.5% a month the payment is 860.66 and the interest 327.96 (last instalment 860.70); 661.86 − 327.96 = 333.90.
        var card = TwelvePercent with { Promotions = [Sponsored(0.06m)] };

        var price = Pricing.Price("A", TenThousandOverAYear(), card, January15)!;

        Assert.Equal(0.06m, price.AnnualRate);
        Assert.Equal(333.90m, price.Subsidy);
    }

    [Fact]
    public void Zero_rate_subsidy_matches_an_independent_annuity_computation()
    {
        Gen.Select(Gen.Int[1_000_000, 50_000_000], Gen.Int[1, 1500], Gen.Int[1, 60]).Sample((cents, basisPoints, term) =>
        {
            var principal = cents / 100m;
            var cardRate = basisPoints / 10_000m;
            var card = new RateCard
            {
                GradeRates = new Dictionary<string, decimal> { ["A"] = cardRate },
                TermAdjustments = new Dictionary<int, decimal>(),
                MethodAdjustments = new Dictionary<RepaymentMethod, decimal>(),
                Promotions = [Sponsored(0m, maxTerm: 60)],
            };
            var plan = Typical() with { VehiclePrice = principal * 2m, DownPayment = principal, TermMonths = term };

            var price = Pricing.Price("A", plan, card, January15)!;

            Assert.Equal(AnnuityInterest(principal, cardRate, term), price.Subsidy);
        }, iter: 300);
    }

    /// <summary>Total interest of a regular annuity: level payment P·i/(1 − (1+i)^−n) and each month's interest rounded half away from zero, the last month clearing the balance.</summary>
    private static decimal AnnuityInterest(decimal principal, decimal annualRate, int term)
    {
        var i = annualRate / 12m;
        var discount = 1m;
        for (var k = 0; k < term; k++)
        {
            discount /= 1m + i;
        }

        var payment = Math.Round(principal * i / (1m - discount), 2, MidpointRounding.AwayFromZero);
        var balance = principal;
        var total = 0m;
        for (var k = 1; k <= term; k++)
        {
            // balance × rate is exact and a tie (x.xx5) divides by 12 exactly, so halves round as they should.
            var interest = Math.Round(balance * annualRate / 12m, 2, MidpointRounding.AwayFromZero);
            balance -= k == term ? balance : payment - interest;
            total += interest;
        }

        return total;
    }

    [Fact]
    public void The_lowest_promotional_rate_that_applies_wins_and_only_below_the_card_rate()
    {
        var card = TwelvePercent with
        {
            Promotions =
            [
                Sponsored(0.05m),
                Sponsored(0.02m) with { Code = "other-make", Make = "BYD" },
                Sponsored(0.03m) with { Code = "best" },
                Sponsored(0.15m) with { Code = "dearer" },
            ],
        };

        Assert.Equal("best", Pricing.Price("A", TenThousandOverAYear(), card, January15)!.Promotion!.Code);
        Assert.Null(Pricing.Price("A", TenThousandOverAYear(), TwelvePercent with { Promotions = [Sponsored(0.15m)] }, January15)!.Promotion);
    }

    [Theory]
    [InlineData("term", false)]
    [InlineData("make", false)]
    [InlineData("used", false)]
    [InlineData("energy", false)]
    [InlineData("method", false)]
    [InlineData("down-payment", false)]
    [InlineData("before", false)]
    [InlineData("after", false)]
    [InlineData("last-day", true)]
    public void A_promotion_applies_only_to_the_plans_and_dates_it_names(string change, bool applies)
    {
        var promotion = Sponsored(0m) with
        {
            Energy = VehicleEnergy.Conventional,
            Methods = [RepaymentMethod.Annuity],
            MinDownPaymentFraction = 0.4m,
            ValidFrom = new DateOnly(2026, 1, 1),
            ValidTo = new DateOnly(2026, 3, 31),
        };
        var plan = Typical() with { DownPayment = 80_000m, TermMonths = 24 };
        var date = new DateOnly(2026, 2, 1);
        (plan, date) = change switch
        {
            "term" => (plan with { TermMonths = 36 }, date),
            "make" => (plan with { Make = "BYD" }, date),
            "used" => (plan with { Condition = VehicleCondition.Used }, date),
            "energy" => (plan with { Energy = VehicleEnergy.NewEnergy }, date),
            "method" => (plan with { Method = RepaymentMethod.EqualPrincipal }, date),
            "down-payment" => (plan with { DownPayment = 79_999.99m }, date),
            "before" => (plan, new DateOnly(2025, 12, 31)),
            "after" => (plan, new DateOnly(2026, 4, 1)),
            _ => (plan, new DateOnly(2026, 3, 31)),
        };

        Assert.Equal(applies, promotion.AppliesTo(plan, date));
        Assert.True(promotion.AppliesTo(Typical() with { DownPayment = 80_000m, TermMonths = 24, Make = "geely" }, new DateOnly(2026, 2, 1)));
    }
}
