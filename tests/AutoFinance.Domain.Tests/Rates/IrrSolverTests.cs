using AutoFinance.Domain.Rates;

namespace AutoFinance.Domain.Tests.Rates;

public class IrrSolverTests
{
    [Fact]
    public void Flows_without_a_payment_have_no_rate()
    {
        var solution = IrrSolver.Solve([new TimedFlow(1000, 0, 0)]);

        Assert.False(solution.Found);
        Assert.Contains("no payment", solution.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Flows_that_balance_at_no_rate_say_so()
    {
        // Repaying 2,000 at the very instant 1,000 is lent: no discounting can make the two equal.
        var none = IrrSolver.Solve([new TimedFlow(1000, 0, 0), new TimedFlow(-2000, 0, 0)]);

        Assert.False(none.Found);
        Assert.Contains("no interest rate", none.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loan_repaid_with_less_than_it_lent_has_a_negative_rate()
    {
        var solution = IrrSolver.Solve([new TimedFlow(1000, 0, 0), new TimedFlow(-900, 1, 0)]);

        Assert.True(solution.Found);
        Assert.Equal(-0.1, solution.PeriodicRate, 12);
    }

    [Fact]
    public void Disclosed_apr_tolerance_is_an_eighth_of_a_point_or_a_quarter_when_irregular()
    {
        Assert.True(AprTolerance.IsAccurate(9.815m, 9.69m));
        Assert.False(AprTolerance.IsAccurate(9.816m, 9.69m));
        Assert.True(AprTolerance.IsAccurate(9.94m, 9.69m, irregular: true));
        Assert.False(AprTolerance.IsAccurate(9.95m, 9.69m, irregular: true));
    }
}
