using AutoFinance.Domain.Monetary;
using AutoFinance.Insight.Value;

namespace AutoFinance.Insight.Tests.Value;

public sealed class LifetimeValueTests
{
    private static Money Cny(decimal amount) => Money.Of(amount, Currency.Cny);

    [Fact]
    public void Two_months_of_survival_weighted_discounted_margin_by_hand()
    {
        // S1 = 0.99 × 0.98 = 0.9702, S2 = 0.94128804, v = 1/1.01:
        // 100 × 0.9702 / 1.01 + 100 × 0.94128804 / 1.0201 = 96.0594… + 92.2740… = 188.3335… → 188.33.
        var clv = LifetimeValue.Compute(new LifetimeValueInput(Cny(100m), 2, 0.01m, 0.02m, 0.12m, Cny(0m)));
        Assert.Equal(Cny(188.33m), clv);
    }

    [Fact]
    public void Expected_default_loss_is_subtracted_by_hand()
    {
        // Loss terms: 1 × 0.01 × 1000 / 1.01 + 0.9702 × 0.01 × 1000 / 1.0201 = 9.9009… + 9.5108… = 19.4118…
        // 188.3335… − 19.4118… = 168.9216… → 168.92.
        var clv = LifetimeValue.Compute(new LifetimeValueInput(Cny(100m), 2, 0.01m, 0.02m, 0.12m, Cny(1000m)));
        Assert.Equal(Cny(168.92m), clv);
    }

    [Fact]
    public void Rounding_to_the_cent_happens_once_at_the_end()
    {
        // 3 × 0.004 = 0.012 → 0.01; rounding every month would give 0.00.
        var clv = LifetimeValue.Compute(new LifetimeValueInput(Cny(0.004m), 3, 0m, 0m, 0m, Cny(0m)));
        Assert.Equal(Cny(0.01m), clv);
    }

    [Fact]
    public void Without_risk_or_discount_value_is_margin_times_months()
    {
        Assert.Equal(Cny(3600m), LifetimeValue.Compute(new LifetimeValueInput(Cny(100m), 36, 0m, 0m, 0m, Cny(0m))));
        Assert.Equal(Cny(0m), LifetimeValue.Compute(new LifetimeValueInput(Cny(100m), 36, 0m, 1m, 0m, Cny(0m))));
    }

    [Fact]
    public void Probabilities_outside_zero_and_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            LifetimeValue.Compute(new LifetimeValueInput(Cny(100m), 2, 1.5m, 0m, 0m, Cny(0m))));
    }
}
