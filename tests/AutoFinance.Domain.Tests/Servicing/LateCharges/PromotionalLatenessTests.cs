using AutoFinance.Domain.Disclosure;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.LateCharges;
using AutoFinance.Domain.Tests.Schedules;

namespace AutoFinance.Domain.Tests.Servicing.LateCharges;

/// <summary>A 0% promotional loan still pays for lateness: the default fee and the minimum penalty rate, as disclosed.</summary>
public class PromotionalLatenessTests
{
    private static readonly DateOnly Due = new(2026, 3, 10);

    [Fact]
    public void A_promotional_loan_119_days_late_is_charged_the_fee_and_penalty_at_the_minimum_rate()
    {
        var policy = new LateChargePolicy(LateChargeTerms.Default, 0m, Currency.Cny);
        var state = LateChargeState.Start(4, Due);
        decimal fees = 0m, penalty = 0m;
        foreach (var date in Enumerable.Range(1, 119).Select(Due.AddDays))
        {
            var result = LateChargeCalculator.Accrue(state, new InstallmentDue(4, Due, 0m, 0m, 0m, 2_330.00m), date, policy);
            (fees, penalty, state) = (fees + result.Fee, penalty + result.Penalty, result.State);
        }

        Assert.Equal(50.00m, fees);
        Assert.Equal(0.0525m, policy.PenaltyAnnualRate);
        Assert.Equal(Math.Round(2_330.00m * 0.0525m * 119 / 365m, 2, MidpointRounding.AwayFromZero), penalty);
    }

    [Theory]
    [InlineData(0.049, 0.0735)]
    [InlineData(0.035, 0.0525)]
    [InlineData(0.02, 0.0525)]
    [InlineData(0, 0.0525)]
    public void The_penalty_rate_is_the_contract_rate_times_the_multiple_and_never_below_the_minimum(double contract, double penalty)
    {
        Assert.Equal((decimal)penalty, LateChargeTerms.Default.PenaltyAnnualRate((decimal)contract));
    }

    [Fact]
    public void The_disclosure_of_a_zero_rate_offer_states_the_late_fee_and_the_minimum_penalty_rate()
    {
        var d = DisclosureBuilder.Build(ScheduleBuilder.Build(Loans.Terms(120_000m, 0m, 36)));

        Assert.Equal(50.00m, d.LateCharges.FixedFee);
        Assert.Equal(5.25m, d.LateCharges.PenaltyAnnualRatePercent);
        Assert.Equal(3, d.LateCharges.GraceDays);
    }
}
