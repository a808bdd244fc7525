using AutoFinance.Domain.Monetary;

namespace AutoFinance.Domain.Servicing;

/// <summary>Splits a payment over what is due by a product's waterfall; what is left over is an overpayment.</summary>
public static class PaymentAllocator
{
    /// <summary>
    /// Allocates <paramref name="payment"/> to <paramref name="dues"/> (taken oldest due date first, then by number) in
    /// <paramref name="order"/>. No component receives more than it owes; whatever remains is the overpayment.
    /// Amounts must be whole minor units of the payment's currency, so the split is exact.
    /// </summary>
    public static Allocation Allocate(IEnumerable<InstallmentDue> dues, Money payment, AllocationOrder order)
    {
        ArgumentNullException.ThrowIfNull(dues);
        ArgumentNullException.ThrowIfNull(order);
        var currency = payment.Currency;
        if (payment.Amount <= 0m || currency.Round(payment.Amount) != payment.Amount)
        {
            throw new ArgumentOutOfRangeException(nameof(payment), payment.Amount, $"A payment is a positive whole number of {currency.Code} minor units.");
        }

        var sorted = dues.OrderBy(due => due.DueDate).ThenBy(due => due.Number).ToArray();
        if (sorted.Select(due => due.Number).Distinct().Count() != sorted.Length)
        {
            throw new ArgumentException("Each instalment may be listed once.", nameof(dues));
        }

        foreach (var due in sorted)
        {
            foreach (var component in order.Components)
            {
                var amount = due.Of(component);
                if (amount < 0m || currency.Round(amount) != amount)
                {
                    throw new ArgumentException(
                        $"Instalment {due.Number} owes {amount} {component}; dues are zero or positive whole {currency.Code} minor units.", nameof(dues));
                }
            }
        }

        var allocated = sorted.Select(due => new InstallmentAllocation(due.Number, due.DueDate, 0m, 0m, 0m, 0m)).ToArray();
        var remaining = payment.Amount;
        foreach (var (index, component) in Steps(sorted.Length, order))
        {
            if (remaining == 0m)
            {
                break;
            }

            var take = Math.Min(remaining, sorted[index].Of(component));
            if (take > 0m)
            {
                allocated[index] = allocated[index].Add(component, take);
                remaining -= take;
            }
        }

        return new Allocation(payment, allocated, remaining);
    }

    /// <summary>Allocates with the default waterfall: fees, penalty interest, interest, principal, oldest instalment first.</summary>
    public static Allocation Allocate(IEnumerable<InstallmentDue> dues, Money payment) => Allocate(dues, payment, AllocationOrder.Default);

    private static IEnumerable<(int Index, DueComponent Component)> Steps(int installments, AllocationOrder order)
    {
        if (order.Sequence == AllocationSequence.OldestInstallmentFirst)
        {
            for (var i = 0; i < installments; i++)
            {
                foreach (var component in order.Components)
                {
                    yield return (i, component);
                }
            }
        }
        else
        {
            foreach (var component in order.Components)
            {
                for (var i = 0; i < installments; i++)
                {
                    yield return (i, component);
                }
            }
        }
    }
}
