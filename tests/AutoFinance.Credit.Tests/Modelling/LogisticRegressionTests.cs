using AutoFinance.Credit.Modelling;

namespace AutoFinance.Credit.Tests.Modelling;

public sealed class LogisticRegressionTests
{
    [Fact]
    public void Unpenalised_fit_of_one_binary_input_recovers_the_group_log_odds()
    {
        // x = 0: 80 goods, 20 bads (log-odds ln 0.25); x = 1: 30 goods, 70 bads (log-odds ln(70/30)).
        var x = new List<double>();
        var y = new List<byte>();
        void Add(double value, int goods, int bads)
        {
            x.AddRange(Enumerable.Repeat(value, goods + bads));
            y.AddRange(Enumerable.Repeat((byte)0, goods).Concat(Enumerable.Repeat((byte)1, bads)));
        }

        Add(0, 80, 20);
        Add(1, 30, 70);

        var fit = LogisticRegression.Fit([[.. x]], [.. y], l2Penalty: 0);

        Assert.Equal(Math.Log(0.25), fit.Intercept, 8);
        Assert.Equal(Math.Log(70.0 / 30) - Math.Log(0.25), fit.Coefficients[0], 8);
        // Standard error of a log odds ratio: sqrt(1/80 + 1/20 + 1/30 + 1/70).
        Assert.Equal(Math.Sqrt((1.0 / 80) + (1.0 / 20) + (1.0 / 30) + (1.0 / 70)), fit.StandardErrors[0], 6);
    }

    [Fact]
    public void The_penalty_shrinks_coefficients_towards_zero()
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, 500).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var y = x.Select(v => random.NextDouble() < 1 / (1 + Math.Exp(-3 * v)) ? (byte)1 : (byte)0).ToArray();

        var free = LogisticRegression.Fit([x], y, 0);
        var shrunk = LogisticRegression.Fit([x], y, 100);

        Assert.True(Math.Abs(shrunk.Coefficients[0]) < Math.Abs(free.Coefficients[0]));
        Assert.InRange(free.Coefficients[0], 2.3, 3.7);
    }

    [Fact]
    public void Separable_data_does_not_blow_up_with_a_penalty()
    {
        double[] x = [-2, -1, -0.5, 0.5, 1, 2];
        byte[] y = [0, 0, 0, 1, 1, 1];

        var fit = LogisticRegression.Fit([x], y, 1);

        Assert.True(double.IsFinite(fit.Coefficients[0]) && fit.Coefficients[0] > 0);
    }
}
