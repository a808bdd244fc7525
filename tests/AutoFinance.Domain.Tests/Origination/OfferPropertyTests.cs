using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;
using CsCheck;
using static AutoFinance.Domain.Tests.Origination.Applications;

namespace AutoFinance.Domain.Tests.Origination;

/// <summary>Invariants of the offers over random applicants, vehicles, plans, grades, promotions and preferences.</summary>
public sealed class OfferPropertyTests
{
    private static readonly int[] Terms = [6, 12, 18, 24, 30, 36, 37, 48, 60, 72];

    private static readonly RateCard WithPromotion = RateCard.Default with
    {
        Promotions =
        [
            new Promotion { Code = "geely-0", Name = "Geely 0%", Sponsor = "Geely Auto", AnnualRate = 0m, MaxTermMonths = 24, Make = "Geely", Condition = VehicleCondition.New },
            new Promotion { Code = "nev-199", Name = "NEV 1.99%", Sponsor = "BYD", AnnualRate = 0.0199m, MaxTermMonths = 36, Energy = VehicleEnergy.NewEnergy },
        ],
    };

    private sealed record Case(FinancingRequest Request, string Grade, RateCard Card, OfferPreferences Preferences, DateOnly Start);

    private static readonly Gen<Case> AnyCase =
        Gen.Select(
            Gen.Select(Gen.Long[3_000_000, 150_000_000], Gen.Int[0, 70], Gen.Int[0, Terms.Length - 1], Gen.Int[0, 3], Gen.Int[10, 40]),
            Gen.Select(Gen.Bool, Gen.Bool, Gen.Int[0, 12], Gen.Int[16, 70], Gen.Int[0, 364]),
            Gen.Select(Gen.Int[0, 80_000], Gen.Int[0, 20_000], Gen.Int[0, 6], Gen.Bool, Gen.Int[1, 6]),
            Gen.Select(Gen.Bool, Gen.Int[0, 20], Gen.Int[0, 4_000_00]))
        .Select((vehicle, person, money, choice) =>
        {
            var (priceCents, downPercent, termIndex, methodIndex, balloonPercent) = vehicle;
            var (used, newEnergy, vehicleAge, age, birthdayOffset) = person;
            var (income, debts, gradeIndex, promotions, maxOffers) = money;
            var (closest, startOffset, targetCents) = choice;
            var price = priceCents / 100m;
            var method = (RepaymentMethod)(methodIndex switch { 0 => 0, 1 => 1, 2 => 3, _ => 2 });
            var application = new DateOnly(2026, 3, 10);
            var request = new FinancingRequest
            {
                VehiclePrice = price,
                DownPayment = Math.Round(price * downPercent / 100m, 2),
                TermMonths = Terms[termIndex],
                Method = method,
                BalloonFraction = method == RepaymentMethod.Balloon ? balloonPercent / 100m : 0m,
                Condition = used ? VehicleCondition.Used : VehicleCondition.New,
                Energy = newEnergy ? VehicleEnergy.NewEnergy : VehicleEnergy.Conventional,
                Make = income % 2 == 0 ? "Geely" : "BYD",
                VehicleYear = used ? application.Year - vehicleAge : application.Year,
                BirthDate = application.AddYears(-age).AddDays(-birthdayOffset),
                MonthlyIncome = income,
                MonthlyDebtPayments = debts,
                ApplicationDate = application,
            };
            var preferences = new OfferPreferences
            {
                Ranking = closest ? OfferRanking.ClosestPayment : OfferRanking.LowestTotalCost,
                TargetPayment = targetCents == 0 ? null : targetCents / 100m,
                MaxOffers = maxOffers,
            };
            return new Case(request, ((char)('A' + gradeIndex)).ToString(), promotions ? WithPromotion : RateCard.Default, preferences, application.AddDays(startOffset));
        });

    [Fact]
    public void Every_offer_passes_every_policy_rule_and_lends_the_price_less_the_down_payment()
    {
        var policy = ProductPolicy.Default;
        int withOffers = 0, requestedOffered = 0, raisedDownPayment = 0, sponsored = 0;
        AnyCase.Sample(c =>
        {
            var offers = OfferBuilder.Build(c.Request, c.Grade, policy, c.Card, c.Start, c.Preferences);

            Assert.True(offers.Count <= c.Preferences.MaxOffers);
            Assert.Equal(Enumerable.Range(1, offers.Count), offers.Select(o => o.Rank));
            foreach (var offer in offers)
            {
                var plan = PlanOf(c.Request, offer);
                var failed = PolicyEvaluator.Evaluate(plan, policy, offer.AssessedPayment, c.Start).Where(o => !o.Passed).Select(o => o.Detail);
                Assert.Empty(failed);
                Assert.Equal(c.Request.VehiclePrice, offer.Principal + offer.DownPayment);
                Assert.Equal(offer.Principal, offer.Schedule.Totals.Principal);
                Assert.Equal(offer.TotalRepayable, offer.Schedule.Totals.Payment);
                Assert.True(offer.DownPayment >= c.Request.DownPayment);
            }

            Assert.True(offers.Count(o => o.IsRequestedPlan) <= 1);
            var requestedEligible = c.Card.IsPriced(c.Grade)
                && OfferBuilder.CheckRequestedPlan(c.Request, c.Grade, policy, c.Card, c.Start).All(o => o.Passed);
            Assert.Equal(requestedEligible, offers.Any(o => o.IsRequestedPlan));

            Interlocked.Add(ref withOffers, offers.Count > 0 ? 1 : 0);
            Interlocked.Add(ref requestedOffered, requestedEligible ? 1 : 0);
            Interlocked.Add(ref raisedDownPayment, offers.Any(o => o.DownPayment > c.Request.DownPayment) ? 1 : 0);
            Interlocked.Add(ref sponsored, offers.Any(o => o.Promotion is not null) ? 1 : 0);
        }, iter: 1500);

        // The property says something only if the cases reach every path.
        Assert.True(withOffers > 300 && requestedOffered > 40 && raisedDownPayment > 80 && sponsored > 50, $"{withOffers} with offers, {requestedOffered} requested, {raisedDownPayment} raised, {sponsored} sponsored");
    }
}
