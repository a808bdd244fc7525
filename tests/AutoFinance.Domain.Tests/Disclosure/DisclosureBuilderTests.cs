using AutoFinance.Domain.Disclosure;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Tests.Schedules;

namespace AutoFinance.Domain.Tests.Disclosure;

public class DisclosureBuilderTests
{
    [Fact]
    public void Disclosure_totals_agree_with_the_schedule()
    {
        var terms = Loans.Terms(100_000m, 4.9m, 36) with
        {
            UpfrontFee = 1_000m,
            Bundles = [new Bundle("Vehicle insurance", 3_600m, Financed: true), new Bundle("Maintenance plan", 1_200m, Financed: false)],
        };
        var schedule = ScheduleBuilder.Build(terms);
        var d = DisclosureBuilder.Build(schedule);

        Assert.Equal(103_600.00m, d.LoanPrincipal);
        Assert.Equal(102_600.00m, d.AmountFinanced);
        Assert.Equal(schedule.Totals.Payment, d.TotalOfPayments);
        Assert.Equal(d.TotalOfPayments - d.AmountFinanced, d.FinanceCharge);
        Assert.Equal(d.TotalInterest + d.TotalFees, d.FinanceCharge);
        Assert.Equal(d.TotalOfPayments + 1_000m, d.TotalRepayable);
        Assert.Equal(36, d.Payments.Count);
        Assert.Equal(2, d.Bundles.Count);
        Assert.True(d.AnnualisedRates.AprPercent > d.NominalAnnualRatePercent);
    }

    [Fact]
    public void Flat_fee_offer_shows_its_true_annualised_rate_beside_the_fee_rate()
    {
        var terms = Loans.Terms(100_000m, 0m, 36, RepaymentMethod.FlatFee) with { FlatFee = FlatFee.TotalPercent(12m, FeeTiming.Spread) };
        var d = DisclosureBuilder.Build(ScheduleBuilder.Build(terms));

        Assert.Equal(12m, d.FlatFee!.StatedRatePercent);
        Assert.Equal(12_000.00m, d.FlatFee.TotalFee);
        Assert.Equal(7.51m, Math.Round(d.FlatFee.TrueAprPercent, 2));
        Assert.Equal(d.AnnualisedRates.AprPercent, d.FlatFee.TrueAprPercent);
    }

    [Fact]
    public void Balloon_is_disclosed_with_its_share_and_date()
    {
        var terms = Loans.Terms(200_000m, 5m, 36, RepaymentMethod.Balloon) with { BalloonFraction = 0.25m };
        var d = DisclosureBuilder.Build(ScheduleBuilder.Build(terms));

        Assert.Equal((50_000.00m, 25m), (d.Balloon!.Amount, d.Balloon.PercentOfPrincipal));
        Assert.Equal(d.Payments.FinalDueDate, d.Balloon.DueDate);
        Assert.True(d.Payments.FinalAmount > 50_000m);
    }
}
