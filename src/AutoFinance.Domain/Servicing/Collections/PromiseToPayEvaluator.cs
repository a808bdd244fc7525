namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>Decides whether a promise to pay was kept or broken.</summary>
/// <remarks>
/// Payments count when received from the day the promise was made to its deadline (pay-by date + grace days), both
/// inclusive, and not after the business date; money recorded before the promise was made (earlier that day, or a
/// statement credit the bank had booked before it) was not paid on it and does not count. The promise is kept on the day the running total reaches the amount
/// (even before the pay-by date), broken when the business date is past the deadline short of the amount, and
/// pending otherwise.
/// </remarks>
public static class PromiseToPayEvaluator
{
    public static PromiseEvaluation Evaluate(PromiseToPay promise, IEnumerable<ReceivedPayment> payments, DateOnly businessDate)
    {
        ArgumentNullException.ThrowIfNull(promise);
        ArgumentNullException.ThrowIfNull(payments);
        var paid = 0m;
        DateOnly? keptOn = null;
        var after = payments.Where(p => promise.MadeAt is not { } made || p.ReceivedAt is not { } received || received >= made);
        foreach (var payment in after.Where(p => p.On >= promise.MadeOn && p.On <= promise.Deadline && p.On <= businessDate).OrderBy(p => p.On))
        {
            paid += payment.Amount;
            if (keptOn is null && paid >= promise.Amount)
            {
                keptOn = payment.On;
            }
        }

        var shortfall = Math.Max(0m, promise.Amount - paid);
        var status = keptOn is not null ? PromiseStatus.Kept
            : businessDate > promise.Deadline ? PromiseStatus.Broken
            : PromiseStatus.Pending;
        return new PromiseEvaluation(status, paid, shortfall, keptOn);
    }
}
