using AutoFinance.Credit.Data;
using AutoFinance.Credit.Modelling;

namespace AutoFinance.Credit.Tests.Modelling;

/// <summary>Rows a logistic regression cannot be fitted to are refused in words a risk analyst can act on, not a linear-algebra error.</summary>
public class LogisticRegressionInputTests
{
    [Theory]
    [InlineData((byte)0)]
    [InlineData((byte)1)]
    public void Rows_with_one_outcome_only_are_refused_as_such(byte outcome)
    {
        var refusal = Assert.Throws<CreditDataException>(() => LogisticRegression.Fit([[0.1, 0.2, 0.3, 0.4]], new byte[] { outcome, outcome, outcome, outcome }, 0));
        Assert.Contains("only one outcome", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_inputs_that_move_together_without_a_penalty_are_refused_as_collinear()
    {
        double[] x = [0.1, -0.4, 0.3, 0.9, -0.2, 0.5];
        var refusal = Assert.Throws<CreditDataException>(() => LogisticRegression.Fit([x, [.. x]], new byte[] { 0, 1, 0, 1, 1, 0 }, 0));
        Assert.Contains("collinear", refusal.Message, StringComparison.Ordinal);
    }
}
