using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Tests.Origination;

public sealed class OfferTwinsTests
{
    [Fact]
    public void Plans_that_pay_exactly_the_same_are_offered_once()
    {
        // At a sponsored 0% rate an annuity and an equal-principal plan have identical payments.
        var rateCard = RateCard.Default with
        {
            Promotions = [new Promotion { Code = "zero", Name = "0%", Sponsor = "maker", AnnualRate = 0m, MaxTermMonths = 24, Make = "BYD" }],
        };
        var request = new FinancingRequest
        {
            VehiclePrice = 189_800m,
            DownPayment = 50_000m,
            TermMonths = 24,
            Method = RepaymentMethod.Annuity,
            Condition = VehicleCondition.New,
            Energy = VehicleEnergy.NewEnergy,
            Make = "BYD",
            VehicleYear = 2026,
            BirthDate = new DateOnly(1985, 6, 15),
            MonthlyIncome = 28_000m,
            MonthlyDebtPayments = 2_000m,
            ApplicationDate = new DateOnly(2026, 11, 24),
        };

        var offers = OfferBuilder.Build(request, "A", ProductPolicy.Default, rateCard, new DateOnly(2026, 11, 24));

        var streams = offers.Select(o => (o.DownPayment, string.Join(",", o.Schedule.Installments.Select(i => i.Payment)))).ToArray();
        Assert.Equal(streams.Length, streams.Distinct().Count());
        Assert.Contains(offers, o => o.IsRequestedPlan);
    }
}
