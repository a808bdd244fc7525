using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;
using CsCheck;

namespace AutoFinance.Domain.Tests.Servicing;

/// <summary>Invariants of the waterfall over random dues, payments and orders.</summary>
public class PaymentAllocatorPropertyTests
{
    private static readonly DateOnly FirstDue = new(2026, 2, 10);

    private static readonly DueComponent[][] Permutations = Permute(Enum.GetValues<DueComponent>()).ToArray();

    private sealed record Case(InstallmentDue[] Dues, Money Payment, AllocationOrder Order);

    private static Gen<Case> Cases(Gen<AllocationOrder> orders) =>
        Gen.Select(
            Gen.Select(Gen.Long[0, 10_000], Gen.Long[0, 5_000], Gen.Long[0, 100_000], Gen.Long[0, 500_000]).Array[0, 6],
            Gen.Long[1, 2_500_000],
            Gen.Bool,
            orders)
        .Select((parts, paymentCents, reversed, order) =>
        {
            var dues = parts
                .Select((p, i) => new InstallmentDue(i + 1, FirstDue.AddMonths(i), p.Item1 / 100m, p.Item2 / 100m, p.Item3 / 100m, p.Item4 / 100m))
                .ToArray();
            if (reversed)
            {
                Array.Reverse(dues);
            }

            return new Case(dues, Money.Of(paymentCents / 100m, Currency.Cny), order);
        });

    private static readonly Gen<AllocationOrder> AnyOrder =
        Gen.Select(Gen.Int[0, Permutations.Length - 1], Gen.Bool)
            .Select((p, across) => new AllocationOrder(Permutations[p], across ? AllocationSequence.ComponentAcrossInstallments : AllocationSequence.OldestInstallmentFirst));

    [Fact]
    public void Allocated_plus_overpayment_is_the_payment_and_no_component_gets_more_than_it_owes()
    {
        Cases(AnyOrder).Sample(c =>
        {
            var allocation = PaymentAllocator.Allocate(c.Dues, c.Payment, c.Order);
            var byNumber = c.Dues.ToDictionary(d => d.Number);

            Assert.Equal(c.Payment.Amount, allocation.Allocated + allocation.Overpayment);
            Assert.True(allocation.Overpayment >= 0m);
            Assert.Equal(c.Dues.Length, allocation.Installments.Count);
            foreach (var paid in allocation.Installments)
            {
                var due = byNumber[paid.Number];
                foreach (var component in Enum.GetValues<DueComponent>())
                {
                    Assert.InRange(paid.Of(component), 0m, due.Of(component));
                }
            }

            // Money is left over only when every due is met, and a due is short only when the money ran out.
            var totalDue = c.Dues.Sum(d => d.Total);
            Assert.Equal(Math.Max(0m, c.Payment.Amount - totalDue), allocation.Overpayment);
            Assert.Equal(Math.Min(c.Payment.Amount, totalDue), allocation.Allocated);
        }, iter: 2000);
    }

    [Fact]
    public void Under_the_default_order_an_older_instalment_is_paid_in_full_before_a_newer_one_gets_anything()
    {
        Cases(Gen.Const(AllocationOrder.Default)).Sample(c =>
        {
            var allocation = PaymentAllocator.Allocate(c.Dues, c.Payment);
            var rows = allocation.Installments;
            var dues = c.Dues.OrderBy(d => d.DueDate).ToArray();

            Assert.Equal(dues.Select(d => d.Number), rows.Select(r => r.Number));
            for (var newer = 1; newer < rows.Count; newer++)
            {
                if (rows[newer].Total > 0m)
                {
                    for (var older = 0; older < newer; older++)
                    {
                        Assert.Equal(dues[older].Total, rows[older].Total);
                    }
                }
            }

            // Within an instalment: fees, then penalty, then interest, then principal.
            var order = AllocationOrder.Default.Components;
            for (var i = 0; i < rows.Count; i++)
            {
                for (var later = 1; later < order.Count; later++)
                {
                    if (rows[i].Of(order[later]) > 0m)
                    {
                        for (var earlier = 0; earlier < later; earlier++)
                        {
                            Assert.Equal(dues[i].Of(order[earlier]), rows[i].Of(order[earlier]));
                        }
                    }
                }
            }
        }, iter: 2000);
    }

    private static IEnumerable<DueComponent[]> Permute(DueComponent[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permute(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
