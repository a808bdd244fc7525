using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Tests.Schedules;

/// <summary>
/// Level payments and first-month splits published by loan calculators, each checked to the cent. Sources:
/// 51a.net/1993905967880123107.html (¥10,000, 4.9%, 36 months: 299.26, month 1 interest 40.83, principal 258.43);
/// m.789yingshi.cn/wenda/244196.html (¥100,000, 4.9%, 120 months: 1,055.77; month 1 408.33/647.44; month 2 405.69/650.08);
/// wwwbz417.com/wenda/246263.html (¥230,000, 4.9%, 120 months: equal payment 2,428.28; equal principal first payment 2,855.83);
/// the textbook case of $20,000 at 6% over 60 months: 386.66.
/// </summary>
public class PublishedExamplesTests
{
    [Theory]
    [InlineData(10_000, 4.9, 36, 299.26)]
    [InlineData(100_000, 4.9, 120, 1055.77)]
    [InlineData(230_000, 4.9, 120, 2428.28)]
    [InlineData(20_000, 6, 60, 386.66)]
    public void Annuity_level_payment_matches_published_calculators(decimal principal, decimal rate, int months, decimal payment)
    {
        var schedule = Loans.Build(principal, rate, months);

        Assert.Equal(payment, schedule.LevelAmount);
        Assert.All(schedule.Installments.SkipLast(1), row => Assert.Equal(payment, row.Payment));
    }

    [Fact]
    public void Annuity_first_months_split_interest_and_principal_as_published()
    {
        var small = Loans.Build(10_000m, 4.9m, 36).Installments[0];
        Assert.Equal((40.83m, 258.43m), (small.Interest, small.Principal));

        var large = Loans.Build(100_000m, 4.9m, 120).Installments;
        Assert.Equal((408.33m, 647.44m), (large[0].Interest, large[0].Principal));
        Assert.Equal((405.69m, 650.08m), (large[1].Interest, large[1].Principal));
    }

    [Fact]
    public void Annuity_last_instalment_absorbs_rounding()
    {
        // 36 × 299.26 repays 10,773.36; rounding each month's interest leaves 0.02 more, taken by the last instalment.
        var schedule = Loans.Build(10_000m, 4.9m, 36);

        Assert.Equal(299.28m, schedule.Last.Payment);
        Assert.Equal(10_000.00m, schedule.Totals.Principal);
        Assert.Equal(773.38m, schedule.Totals.Interest);
        Assert.Equal(0.00m, schedule.Last.Balance);
    }

    [Fact]
    public void Equal_principal_first_payment_matches_published_calculator()
    {
        var rows = Loans.Build(230_000m, 4.9m, 120, RepaymentMethod.EqualPrincipal).Installments;

        // 230,000 / 120 = 1,916.67 principal; 230,000 × 4.9% / 12 = 939.17 interest; published first payment 2,855.83
        // adds the unrounded parts, a real ledger rounds each part: 2,855.84.
        Assert.Equal((1916.67m, 939.17m, 2855.84m), (rows[0].Principal, rows[0].Interest, rows[0].Payment));
        Assert.Equal(931.34m, rows[1].Interest);
        Assert.Equal(1916.27m, rows[^1].Principal); // 230,000 − 119 × 1,916.67
    }
}
