using AutoFinance.Domain.Servicing.Collections;

namespace AutoFinance.Domain.Tests.Servicing.Collections;

public class PromiseToPayTests
{
    private static readonly PromiseToPay Promise = new("L1", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 10), 3_000m, GraceDays: 2);

    [Fact]
    public void Kept_on_the_day_the_payments_reach_the_amount_even_before_the_date()
    {
        var result = PromiseToPayEvaluator.Evaluate(Promise, [new(new DateOnly(2026, 4, 3), 1_000m), new(new DateOnly(2026, 4, 5), 2_000m)], new DateOnly(2026, 4, 6));

        Assert.Equal(PromiseStatus.Kept, result.Status);
        Assert.Equal(new DateOnly(2026, 4, 5), result.KeptOn);
        Assert.Equal(3_000m, result.Paid);
        Assert.Equal(0m, result.Shortfall);
    }

    [Fact]
    public void Pending_until_the_deadline_then_broken_with_the_shortfall()
    {
        ReceivedPayment[] payments = [new(new DateOnly(2026, 4, 8), 1_000m)];

        Assert.Equal(PromiseStatus.Pending, PromiseToPayEvaluator.Evaluate(Promise, payments, new DateOnly(2026, 4, 12)).Status);
        var broken = PromiseToPayEvaluator.Evaluate(Promise, payments, new DateOnly(2026, 4, 13));
        Assert.Equal(PromiseStatus.Broken, broken.Status);
        Assert.Equal(2_000m, broken.Shortfall);
        Assert.Null(broken.KeptOn);
    }

    [Fact]
    public void A_payment_within_grace_keeps_it_and_payments_outside_the_window_do_not_count()
    {
        var inGrace = PromiseToPayEvaluator.Evaluate(Promise, [new(new DateOnly(2026, 4, 12), 3_000m)], new DateOnly(2026, 4, 20));
        Assert.Equal(PromiseStatus.Kept, inGrace.Status);

        var outside = PromiseToPayEvaluator.Evaluate(Promise, [new(new DateOnly(2026, 3, 31), 3_000m), new(new DateOnly(2026, 4, 13), 3_000m)], new DateOnly(2026, 4, 20));
        Assert.Equal(PromiseStatus.Broken, outside.Status);
        Assert.Equal(0m, outside.Paid);
    }

    [Fact]
    public void A_payment_after_the_business_date_is_not_known_yet()
    {
        var result = PromiseToPayEvaluator.Evaluate(Promise, [new(new DateOnly(2026, 4, 9), 3_000m)], new DateOnly(2026, 4, 8));
        Assert.Equal(PromiseStatus.Pending, result.Status);
    }

    /// <summary>Money recorded earlier on the day the promise was made was not paid on it: only what came after counts.</summary>
    [Fact]
    public void Money_received_before_the_promise_on_the_same_day_does_not_count_towards_it()
    {
        var madeAt = new DateTimeOffset(2026, 4, 1, 10, 0, 0, TimeSpan.FromHours(8));
        var promise = Promise with { MadeAt = madeAt };
        ReceivedPayment[] payments = [new(new DateOnly(2026, 4, 1), 3_259.54m, madeAt.AddHours(-2)), new(new DateOnly(2026, 4, 1), 500m, madeAt.AddMinutes(30))];

        var result = PromiseToPayEvaluator.Evaluate(promise, payments, new DateOnly(2026, 4, 2));

        Assert.Equal(PromiseStatus.Pending, result.Status);
        Assert.Equal(500m, result.Paid);
        Assert.Equal(2_500m, result.Shortfall);
    }
}
