using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Collections;

namespace AutoFinance.Domain.Tests.Servicing.Collections;

public class RollRateMatrixTests
{
    [Theory]
    [InlineData("Current", 0.03)]
    [InlineData("1-30", 0.25)]
    [InlineData("31-60", 0.45)]
    [InlineData("61-90", 0.60)]
    [InlineData("91-180", 0.50)]
    [InlineData("180+", 0.50)]
    public void Default_roll_forward_rates_are_the_documented_ones(string bucket, double rate) =>
        Assert.Equal((decimal)rate, RollRateMatrix.Default.RollForward(bucket));

    [Fact]
    public void Every_row_must_add_up_to_one()
    {
        var buckets = DelinquencyBuckets.FromLowerBounds(("Current", 0), ("Late", 1));
        var matrix = new RollRateMatrix(buckets, [new("Current", "Current", 0.9m), new("Current", "Late", 0.1m), new("Late", "Current", 0.6m), new("Late", RollRateMatrix.ChargedOff, 0.4m)]);
        Assert.Equal(0.4m, matrix.RollForward("Late"));
        Assert.Equal(0m, matrix.Probability("Late", "Late"));

        Assert.Throws<ArgumentException>(() => new RollRateMatrix(buckets, [new("Current", "Current", 0.9m), new("Late", "Current", 1m)]));
        Assert.Throws<ArgumentException>(() => new RollRateMatrix(buckets, [new("Current", "Nowhere", 1m), new("Late", "Current", 1m)]));
        Assert.Throws<ArgumentException>(() => new RollRateMatrix(buckets, [new(RollRateMatrix.ChargedOff, "Current", 1m), new("Current", "Current", 1m), new("Late", "Current", 1m)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollRateMatrix(buckets, [new("Current", "Current", 1.5m), new("Current", "Late", -0.5m), new("Late", "Current", 1m)]));
        Assert.Throws<ArgumentException>(() => RollRateMatrix.Default.RollForward("91+"));
    }
}
