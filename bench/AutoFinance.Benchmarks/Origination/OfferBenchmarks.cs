using AutoFinance.Domain.Disclosure;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;
using BenchmarkDotNet.Attributes;

namespace AutoFinance.Benchmarks.Origination;

/// <summary>
/// Offers for a typical application: a 200,000 new petrol car, 30% down, 36 months of equal instalments, grade B —
/// ten candidate plans (five terms × two methods), four offers returned. With a promotion, four of the plans are
/// sponsored and the returned ones get their subsidy. The last benchmark also reads every returned disclosure.
/// </summary>
[MemoryDiagnoser]
public class OfferBenchmarks
{
    private static readonly DateOnly Start = new(2026, 3, 15);

    private readonly FinancingRequest request = new()
    {
        VehiclePrice = 200_000m,
        DownPayment = 60_000m,
        TermMonths = 36,
        Method = RepaymentMethod.Annuity,
        Condition = VehicleCondition.New,
        Energy = VehicleEnergy.Conventional,
        Make = "Geely",
        VehicleYear = 2026,
        BirthDate = new DateOnly(1988, 5, 20),
        MonthlyIncome = 25_000m,
        MonthlyDebtPayments = 2_000m,
        ApplicationDate = new DateOnly(2026, 3, 10),
    };

    private readonly RateCard withPromotion = RateCard.Default with
    {
        Promotions = [new Promotion { Code = "geely-0", Name = "Geely 0% for 24 months", Sponsor = "Geely Auto", AnnualRate = 0m, MaxTermMonths = 24, Make = "Geely" }],
    };

    [Benchmark(Baseline = true)]
    public IReadOnlyList<LoanOffer> Build() =>
        OfferBuilder.Build(request, "B", ProductPolicy.Default, RateCard.Default, Start, OfferPreferences.Default);

    [Benchmark]
    public IReadOnlyList<LoanOffer> BuildWithPromotion() =>
        OfferBuilder.Build(request, "B", ProductPolicy.Default, withPromotion, Start, OfferPreferences.Default);

    [Benchmark]
    public LoanDisclosure? BuildAndDisclose()
    {
        LoanDisclosure? last = null;
        foreach (var offer in OfferBuilder.Build(request, "B", ProductPolicy.Default, RateCard.Default, Start, OfferPreferences.Default))
        {
            last = offer.Disclosure;
        }

        return last;
    }
}
