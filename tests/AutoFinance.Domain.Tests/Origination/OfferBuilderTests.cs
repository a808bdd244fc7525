using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;
using static AutoFinance.Domain.Tests.Origination.Applications;

namespace AutoFinance.Domain.Tests.Origination;

public sealed class OfferBuilderTests
{
    private static readonly ProductPolicy Policy = ProductPolicy.Default;

    private static IReadOnlyList<LoanOffer> Offers(FinancingRequest request, OfferPreferences? preferences = null, RateCard? card = null, string grade = "B") =>
        OfferBuilder.Build(request, grade, Policy, card ?? RateCard.Default, Start, preferences ?? OfferPreferences.Default);

    [Fact]
    public void Every_offer_passes_every_policy_rule_with_its_own_payment()
    {
        var request = Typical();
        var offers = Offers(request, OfferPreferences.Default with { MaxOffers = 20 });

        Assert.Equal(10, offers.Count);
        foreach (var offer in offers)
        {
            var outcomes = PolicyEvaluator.Evaluate(PlanOf(request, offer), Policy, offer.AssessedPayment, Start);
            Assert.All(outcomes, o => Assert.True(o.Passed && o.Evaluated, $"{offer.TermMonths} {offer.Method}: {o.Detail}"));
        }
    }

    [Fact]
    public void Offers_are_ranked_one_to_n_by_total_cost()
    {
        var offers = Offers(Typical(), OfferPreferences.Default with { MaxOffers = 20 });

        Assert.Equal(Enumerable.Range(1, offers.Count), offers.Select(o => o.Rank));
        for (var k = 1; k < offers.Count; k++)
        {
            Assert.True(
                offers[k - 1].TotalCost < offers[k].TotalCost || (offers[k - 1].TotalCost == offers[k].TotalCost && offers[k - 1].AssessedPayment <= offers[k].AssessedPayment),
                $"rank {k} costs {offers[k - 1].TotalCost}, rank {k + 1} costs {offers[k].TotalCost}");
        }

        Assert.Equal((12, RepaymentMethod.EqualPrincipal), (offers[0].TermMonths, offers[0].Method));
    }

    [Fact]
    public void The_requested_plan_is_offered_when_eligible_even_when_cheaper_plans_fill_the_list()
    {
        var request = Typical() with { TermMonths = 60 };

        var offers = Offers(request);

        Assert.Equal(4, offers.Count);
        var requested = Assert.Single(offers, o => o.IsRequestedPlan);
        Assert.Equal((4, 60, RepaymentMethod.Annuity, 60_000m), (requested.Rank, requested.TermMonths, requested.Method, requested.DownPayment));
        var cheapest = Offers(request, OfferPreferences.Default with { MaxOffers = 20 });
        Assert.Equal(cheapest.Take(3).Select(o => (o.TermMonths, o.Method)), offers.Take(3).Select(o => (o.TermMonths, o.Method)));
    }

    [Fact]
    public void A_single_offer_is_the_requested_plan_when_it_is_eligible()
    {
        var offer = Assert.Single(Offers(Typical(), OfferPreferences.Default with { MaxOffers = 1 }));

        Assert.True(offer.IsRequestedPlan);
        Assert.Equal(1, offer.Rank);
    }

    [Theory]
    [InlineData(VehicleCondition.New, VehicleEnergy.Conventional, 200_000, 20_000, 40_000)]
    [InlineData(VehicleCondition.New, VehicleEnergy.NewEnergy, 200_000, 10_000, 30_000)]
    [InlineData(VehicleCondition.Used, VehicleEnergy.Conventional, 100_000, 0, 30_000)]
    [InlineData(VehicleCondition.New, VehicleEnergy.Conventional, 99_999.99, 0, 20_000)]      // cap × price = 79,999.992, lent down to 79,999.99
    [InlineData(VehicleCondition.New, VehicleEnergy.Conventional, 3_000_000, 500_000, 1_000_000)] // the 2,000,000 maximum binds before the cap
    public void The_smallest_compliant_down_payment_is_offered_when_the_requested_one_is_too_low(
        VehicleCondition condition, VehicleEnergy energy, double price, double downPayment, double expected)
    {
        var request = Typical() with
        {
            VehiclePrice = (decimal)price,
            DownPayment = (decimal)downPayment,
            Condition = condition,
            Energy = energy,
            VehicleYear = 2024,
            MonthlyIncome = 500_000m,
        };

        var offers = Offers(request);

        Assert.NotEmpty(offers);
        Assert.All(offers, o =>
        {
            Assert.Equal(Math.Round((decimal)expected, 2), Math.Round(o.DownPayment, 2));
            Assert.Equal(request.VehiclePrice, o.Principal + o.DownPayment);
            Assert.False(o.IsRequestedPlan);
        });
        var tooLow = PlanOf(request, offers[0]) with { DownPayment = offers[0].DownPayment - 0.01m };
        Assert.False(PolicyEvaluator.Passes(tooLow, Policy, null, Start));
    }

    [Fact]
    public void Payments_and_totals_agree_with_the_schedule_and_the_disclosure_to_the_cent()
    {
        foreach (var offer in Offers(Typical() with { Method = RepaymentMethod.Balloon, BalloonFraction = 0.3m }, OfferPreferences.Default with { MaxOffers = 20 }))
        {
            var rows = offer.Schedule.Installments;
            Assert.Equal(Start, offer.Schedule.Terms.StartDate);
            Assert.Equal(Start.AddMonths(1), rows[0].DueDate);
            Assert.Equal(offer.TermMonths, rows.Count);
            Assert.Equal(offer.Principal, rows.Sum(r => r.Principal));
            Assert.Equal(offer.AnnualRate, offer.Schedule.Terms.AnnualRate);
            Assert.Equal(rows[0].Payment, offer.FirstPayment);
            Assert.Equal(rows.Max(r => r.Payment), offer.MaxPayment);
            Assert.Equal(rows[^1].Payment, offer.FinalPayment);
            Assert.Equal(rows.Sum(r => r.Interest), offer.TotalInterest);
            Assert.Equal(rows.Sum(r => r.Fee), offer.TotalFees);
            Assert.Equal(rows.Sum(r => r.Payment), offer.TotalRepayable);
            Assert.Equal(offer.Principal + offer.TotalInterest + offer.TotalFees, offer.TotalRepayable);

            var disclosure = offer.Disclosure;
            Assert.Same(disclosure, offer.Disclosure);
            Assert.Equal(offer.TotalRepayable, disclosure.TotalRepayable);
            Assert.Equal(offer.TotalInterest, disclosure.TotalInterest);
            Assert.Equal(offer.Principal, disclosure.LoanPrincipal);
            Assert.Equal(offer.AprPercent, disclosure.AnnualisedRates.AprPercent);
            Assert.Equal(offer.AnnualRate * 100m, disclosure.NominalAnnualRatePercent);
        }
    }

    [Fact]
    public void A_balloon_plan_is_assessed_on_its_monthly_payment_not_the_final_balloon()
    {
        var request = Typical() with { Method = RepaymentMethod.Balloon, BalloonFraction = 0.3m };

        var offers = Offers(request, OfferPreferences.Default with { MaxOffers = 20 });

        var requested = Assert.Single(offers, o => o.IsRequestedPlan);
        Assert.Equal(RepaymentMethod.Balloon, requested.Method);
        Assert.Equal(requested.FinalPayment, requested.MaxPayment);
        Assert.True(requested.AssessedPayment < requested.FinalPayment);
        Assert.Equal(requested.Schedule.Installments[0].Payment, requested.AssessedPayment);
        Assert.Equal(42_000.00m, requested.Schedule.Terms.BalloonAmount);
        Assert.Equal(15, offers.Count);
        Assert.All(offers.Where(o => o.Method != RepaymentMethod.Balloon), o => Assert.Equal(0m, o.BalloonFraction));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(9)]
    public void No_more_offers_than_asked_for(int maxOffers)
    {
        var offers = Offers(Typical(), OfferPreferences.Default with { MaxOffers = maxOffers });

        Assert.Equal(maxOffers, offers.Count);
        Assert.Equal(Enumerable.Range(1, maxOffers), offers.Select(o => o.Rank));
    }

    [Fact]
    public void Only_affordable_plans_are_offered()
    {
        var request = Typical() with { MonthlyIncome = 8_000m, MonthlyDebtPayments = 0m };

        var offers = Offers(request, OfferPreferences.Default with { MaxOffers = 20 });

        Assert.NotEmpty(offers);
        Assert.All(offers, o => Assert.True(o.AssessedPayment <= 4_000m, $"{o.TermMonths} {o.Method} pays {o.AssessedPayment}"));
        Assert.DoesNotContain(offers, o => o.IsRequestedPlan);
        Assert.All(offers, o => Assert.True(o.TermMonths >= 48));
    }

    [Fact]
    public void A_used_car_is_offered_no_term_beyond_three_years()
    {
        var offers = Offers(Typical() with { Condition = VehicleCondition.Used, VehicleYear = 2022, DownPayment = 80_000m }, OfferPreferences.Default with { MaxOffers = 20 });

        Assert.Equal([12, 24, 36], offers.Select(o => o.TermMonths).Distinct().Order());
    }

    [Fact]
    public void Closest_payment_ranks_by_distance_to_the_target()
    {
        var offers = Offers(Typical(), new OfferPreferences { Ranking = OfferRanking.ClosestPayment, TargetPayment = 3_000m, MaxOffers = 20 });

        var distances = offers.Select(o => Math.Abs(o.AssessedPayment - 3_000m)).ToList();
        Assert.Equal(distances.Order(), distances);
    }

    [Fact]
    public void Closest_payment_aims_at_the_requested_plans_payment_by_default()
    {
        var offers = Offers(Typical() with { TermMonths = 48 }, new OfferPreferences { Ranking = OfferRanking.ClosestPayment });

        Assert.True(offers[0].IsRequestedPlan);
        var distances = offers.Select(o => Math.Abs(o.AssessedPayment - offers[0].AssessedPayment)).ToList();
        Assert.Equal(distances.Order(), distances);
    }

    [Fact]
    public void Sponsored_plans_carry_the_promotion_and_its_subsidy()
    {
        var promotion = new Promotion { Code = "geely-0", Name = "Geely 0% for 24 months", Sponsor = "Geely Auto", AnnualRate = 0m, MaxTermMonths = 24, Make = "Geely" };
        var card = RateCard.Default with { Promotions = [promotion] };

        var offers = Offers(Typical(), OfferPreferences.Default with { MaxOffers = 20 }, card);

        // At 0% an annuity and an equal-principal plan pay the same, so each sponsored term is offered once.
        var sponsored = offers.Where(o => o.Promotion is not null).ToList();
        Assert.Equal([12, 24], sponsored.Select(o => o.TermMonths).Order());
        Assert.All(sponsored, o =>
        {
            Assert.True(o.TermMonths <= 24);
            Assert.Equal(0m, o.AnnualRate);
            Assert.Equal(0m, o.TotalInterest);
            Assert.Equal("Geely 0% for 24 months", o.PromotionName);
            var atCardRate = ScheduleBuilder.Build(o.Schedule.Terms with { AnnualRate = o.CardRate });
            Assert.Equal(atCardRate.Totals.Interest, o.Subsidy);
            Assert.True(o.Subsidy > 0m);
        });
        Assert.All(offers.Where(o => o.Promotion is null), o => Assert.Equal(0m, o.Subsidy));
        Assert.All(offers.Take(2), o => Assert.NotNull(o.Promotion));
    }

    [Fact]
    public void An_unpriced_grade_gets_no_offers()
    {
        Assert.Empty(Offers(Typical(), grade: "G"));
    }

    [Fact]
    public void No_offer_when_no_term_ends_before_the_age_limit()
    {
        var request = Typical() with { BirthDate = new DateOnly(1960, 1, 1) };

        Assert.Empty(Offers(request));
        Assert.Equal(DecisionStatus.Declined, DecisionRules.Default.Decide("A", OfferBuilder.CheckRequestedPlan(request, "A", Policy, RateCard.Default, Start), 0).Status);
    }

    [Fact]
    public void The_requested_plan_is_checked_with_the_payment_it_would_be_priced_at()
    {
        var request = Typical();
        var outcomes = OfferBuilder.CheckRequestedPlan(request, "B", Policy, RateCard.Default, Start);
        var requested = Offers(request).Single(o => o.IsRequestedPlan);

        var pti = Outcome(outcomes, ReasonCodes.PaymentToIncome);
        Assert.True(pti.Evaluated);
        Assert.Equal(requested.AssessedPayment.ToString(System.Globalization.CultureInfo.InvariantCulture), pti.Values["payment"]);
        Assert.False(Outcome(OfferBuilder.CheckRequestedPlan(request, "G", Policy, RateCard.Default, Start), ReasonCodes.PaymentToIncome).Evaluated);
    }
}
