using AutoFinance.Domain.Monetary;

namespace AutoFinance.Insight.Value;

/// <summary>Customer lifetime value: expected discounted margin over the remaining life, less expected default loss.</summary>
/// <remarks>
/// With margin m, default probability d, prepayment probability p, monthly discount rate r = annual / 12,
/// v = 1 / (1 + r), loss given default L and T remaining months:
/// <code>
/// S₀ = 1,  Sₜ = Sₜ₋₁ · (1 − d) · (1 − p)           (still active at the end of month t)
/// CLV = Σₜ₌₁..T vᵗ · ( Sₜ · m  −  Sₜ₋₁ · d · L )
/// </code>
/// A month's margin is earned only by a customer who neither defaults nor prepays in it; a default in month t loses L.
/// Everything is computed in <see cref="decimal"/> without intermediate rounding; only the result is rounded to the
/// currency's minor unit, half away from zero.
/// </remarks>
public static class LifetimeValue
{
    /// <summary>The lifetime value, rounded to the minor unit at the end.</summary>
    public static Money Compute(LifetimeValueInput input) => ComputeExact(input).Rounded();

    /// <summary>The lifetime value at full decimal precision.</summary>
    public static Money ComputeExact(LifetimeValueInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(input.RemainingMonths);
        CheckProbability(input.MonthlyDefaultProbability, nameof(input.MonthlyDefaultProbability));
        CheckProbability(input.MonthlyPrepaymentProbability, nameof(input.MonthlyPrepaymentProbability));
        var currency = input.MonthlyMargin.Currency;
        var loss = input.LossGivenDefault.Currency == currency
            ? input.LossGivenDefault.Amount
            : throw new ArgumentException("Margin and loss must be in one currency.", nameof(input));
        var v = 1m / (1m + (input.AnnualDiscountRate / 12m));
        var stay = (1m - input.MonthlyDefaultProbability) * (1m - input.MonthlyPrepaymentProbability);
        var survivedBefore = 1m;
        var discount = 1m;
        var total = 0m;
        for (var t = 1; t <= input.RemainingMonths; t++)
        {
            discount *= v;
            var survived = survivedBefore * stay;
            total += discount * ((survived * input.MonthlyMargin.Amount) - (survivedBefore * input.MonthlyDefaultProbability * loss));
            survivedBefore = survived;
        }

        return Money.Of(total, currency);
    }

    private static void CheckProbability(decimal value, string name)
    {
        if (value is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(name, value, "A probability lies between 0 and 1.");
        }
    }
}
