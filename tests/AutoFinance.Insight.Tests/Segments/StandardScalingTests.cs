using AutoFinance.Insight.Features;

namespace AutoFinance.Insight.Tests.Segments;

public sealed class StandardScalingTests
{
    [Fact]
    public void Z_scores_use_the_population_standard_deviation()
    {
        var scaling = StandardScaling.Fit(["x", "constant"], [[1, 5], [2, 5], [3, 5]]);
        Assert.Equal(2, scaling.Means[0], 12);
        Assert.Equal(Math.Sqrt(2.0 / 3.0), scaling.StandardDeviations[0], 12);
        var z = scaling.Transform([3.0, 5.0]);
        Assert.Equal(1 / Math.Sqrt(2.0 / 3.0), z[0], 12);
        Assert.Equal(0, z[1]);
    }

    [Fact]
    public void Standardised_columns_have_mean_zero_and_unit_deviation()
    {
        var rows = Enumerable.Range(0, 50).Select(i => new double[] { i * 3.5, Math.Sqrt(i) }).ToArray();
        var z = StandardScaling.Fit(["a", "b"], rows).Transform(rows);
        for (var j = 0; j < 2; j++)
        {
            var column = z.Select(r => r[j]).ToArray();
            Assert.Equal(0, column.Average(), 9);
            Assert.Equal(1, Math.Sqrt(column.Select(v => v * v).Average()), 9);
        }
    }
}
