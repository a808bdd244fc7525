using AutoFinance.Domain.Servicing.Collections;

namespace AutoFinance.Domain.Tests.Servicing.Collections;

public sealed class RollRateEstimatorTests
{
    private static IEnumerable<BucketMove> Moves(string from, string to, int count) => Enumerable.Repeat(new BucketMove(from, to), count);

    [Fact]
    public void A_bucket_with_enough_moves_rolls_at_the_share_that_moved_to_a_worse_state()
    {
        // 1-30: 6 cured, 1 stayed, 3 rolled to 31-60.
        var moves = Moves("1-30", "Current", 6).Concat(Moves("1-30", "1-30", 1)).Concat(Moves("1-30", "31-60", 3));

        var rates = RollRateEstimator.Estimate(moves, 3, RollRateMatrix.Default);

        Assert.Equal(0.30m, rates.Matrix.RollForward("1-30"));
        Assert.Equal(0.60m, rates.Matrix.Probability("1-30", "Current"));
        Assert.Contains("1-30", rates.Measured);
        Assert.Equal(10, rates.Observations["1-30"]);
    }

    [Fact]
    public void A_bucket_with_too_few_moves_keeps_the_assumed_row()
    {
        var rates = RollRateEstimator.Estimate(Moves("61-90", "91-180", 2), 1, RollRateMatrix.Default);

        Assert.Equal(RollRateMatrix.Default.RollForward("61-90"), rates.Matrix.RollForward("61-90"));
        Assert.DoesNotContain("61-90", rates.Measured);
        Assert.Equal(2, rates.Observations["61-90"]);
    }

    [Fact]
    public void Shares_that_do_not_divide_evenly_still_add_up_to_one()
    {
        // Thirds: 0.3333 × 3 = 0.9999; the remainder goes to the largest share (the first state on a tie).
        var moves = Moves("31-60", "Current", 1).Concat(Moves("31-60", "31-60", 1)).Concat(Moves("31-60", "61-90", 1));

        var rates = RollRateEstimator.Estimate(moves, 1, RollRateMatrix.Default, minimumMoves: 3);

        var row = new[] { "Current", "1-30", "31-60", "61-90", "91-180", "180+", RollRateMatrix.ChargedOff }.Sum(to => rates.Matrix.Probability("31-60", to));
        Assert.Equal(1m, row);
        Assert.Equal(0.3334m, rates.Matrix.Probability("31-60", "Current"));
        Assert.Equal(0.3333m, rates.Matrix.RollForward("31-60"));
    }
}
