using AutoFinance.Domain.Rates;

namespace AutoFinance.Domain.Tests.Rates;

public class EuAprcTests
{
    private static readonly DateOnly Start = new(1994, 1, 1);

    [Fact]
    public void Single_repayment_after_546_days_matches_the_directive_example()
    {
        // Directive 98/7/EC, Annex III, example 1: 1,000 lent on 1 Jan 1994, 1,200 repaid on 1 Jul 1995 (546 days):
        // 12.96% to two decimals.
        var result = EuAprc.Compute([new CashFlow(Start, 1000m)], [new CashFlow(new DateOnly(1995, 7, 1), 1200m)], EuTimeBasis.Actual365);

        Assert.Equal(12.96m, Math.Round(result.AprPercent, 2));
    }

    [Fact]
    public void Years_may_be_given_instead_of_dates()
    {
        var result = EuAprc.Compute([new CashFlow(default, 1000m, 0)], [new CashFlow(default, 1100m, 1.0)], EuTimeBasis.Actual365);

        Assert.Equal(10.000000m, Math.Round(result.AprPercent, 6));
    }

    [Fact]
    public void Equal_months_count_each_month_as_a_twelfth_of_a_year()
    {
        // 1,000 repaid by 1,060 after six calendar months: (1.06)^2 − 1 = 12.36% whatever the months' lengths.
        var result = EuAprc.Compute([new CashFlow(new DateOnly(2026, 1, 31), 1000m)], [new CashFlow(new DateOnly(2026, 7, 31), 1060m)], EuTimeBasis.EqualMonths);

        Assert.Equal(12.360000m, Math.Round(result.AprPercent, 6));
    }
}
