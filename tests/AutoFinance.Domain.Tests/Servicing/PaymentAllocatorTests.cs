using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;

namespace AutoFinance.Domain.Tests.Servicing;

public class PaymentAllocatorTests
{
    // Two overdue instalments, each with a fee and penalty interest; given newest first to show the order is by due date.
    private static readonly InstallmentDue[] Overdue =
    [
        new(2, new DateOnly(2026, 3, 10), Fee: 50.00m, PenaltyInterest: 3.21m, Interest: 395.55m, Principal: 1_604.45m),
        new(1, new DateOnly(2026, 2, 10), Fee: 50.00m, PenaltyInterest: 12.34m, Interest: 400.00m, Principal: 1_600.00m),
    ];

    private static Money Cny(decimal amount) => Money.Of(amount, Currency.Cny);

    [Fact]
    public void A_partial_payment_pays_the_oldest_instalment_in_full_then_fee_penalty_and_interest_of_the_next()
    {
        // 2,500.00: instalment 1 takes 50.00 + 12.34 + 400.00 + 1,600.00 = 2,062.34, leaving 437.66;
        // instalment 2 takes its fee 50.00 and penalty 3.21, leaving 384.45 of its 395.55 interest and nothing for principal.
        var allocation = PaymentAllocator.Allocate(Overdue, Cny(2_500.00m));

        Assert.Equal(
            [
                new InstallmentAllocation(1, new DateOnly(2026, 2, 10), 50.00m, 12.34m, 400.00m, 1_600.00m),
                new InstallmentAllocation(2, new DateOnly(2026, 3, 10), 50.00m, 3.21m, 384.45m, 0.00m),
            ],
            allocation.Installments);
        Assert.Equal(2_500.00m, allocation.Allocated);
        Assert.Equal(0m, allocation.Overpayment);
        Assert.Equal(100.00m, allocation.Total(DueComponent.Fee));
        Assert.Equal(15.55m, allocation.Total(DueComponent.PenaltyInterest));
        Assert.Equal(784.45m, allocation.Total(DueComponent.Interest));
        Assert.Equal(1_600.00m, allocation.Total(DueComponent.Principal));
    }

    [Fact]
    public void Component_across_instalments_pays_every_fee_penalty_and_interest_before_any_principal()
    {
        var order = new AllocationOrder(
            [DueComponent.Fee, DueComponent.PenaltyInterest, DueComponent.Interest, DueComponent.Principal],
            AllocationSequence.ComponentAcrossInstallments);

        // Fees 100.00, penalty 15.55, interest 795.55 leave 1,588.90 for instalment 1's principal of 1,600.00.
        var allocation = PaymentAllocator.Allocate(Overdue, Cny(2_500.00m), order);

        Assert.Equal(new InstallmentAllocation(1, new DateOnly(2026, 2, 10), 50.00m, 12.34m, 400.00m, 1_588.90m), allocation.Installments[0]);
        Assert.Equal(new InstallmentAllocation(2, new DateOnly(2026, 3, 10), 50.00m, 3.21m, 395.55m, 0.00m), allocation.Installments[1]);
        Assert.Equal(0m, allocation.Overpayment);
    }

    [Fact]
    public void A_payment_above_everything_due_leaves_the_rest_as_overpayment()
    {
        var allocation = PaymentAllocator.Allocate(Overdue, Cny(5_000.00m));

        Assert.Equal(4_115.55m, allocation.Allocated);
        Assert.Equal(884.45m, allocation.Overpayment);
        Assert.Equal(Overdue.Sum(due => due.Principal), allocation.Total(DueComponent.Principal));
    }

    [Fact]
    public void A_payment_with_nothing_due_is_all_overpayment()
    {
        var allocation = PaymentAllocator.Allocate([], Cny(10.00m));

        Assert.Empty(allocation.Installments);
        Assert.Equal(10.00m, allocation.Overpayment);
    }

    [Fact]
    public void A_product_may_put_interest_before_penalty()
    {
        var order = new AllocationOrder([DueComponent.Interest, DueComponent.Principal, DueComponent.Fee, DueComponent.PenaltyInterest]);
        var allocation = PaymentAllocator.Allocate([Overdue[1]], Cny(2_010.00m), order);

        Assert.Equal(new InstallmentAllocation(1, new DateOnly(2026, 2, 10), 10.00m, 0m, 400.00m, 1_600.00m), allocation.Installments[0]);
    }

    [Fact]
    public void Bad_orders_payments_and_dues_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new AllocationOrder([DueComponent.Fee, DueComponent.Fee, DueComponent.Interest, DueComponent.Principal]));
        Assert.Throws<ArgumentException>(() => new AllocationOrder([DueComponent.Fee, DueComponent.Interest, DueComponent.Principal]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentAllocator.Allocate(Overdue, Cny(0m)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentAllocator.Allocate(Overdue, Cny(10.001m)));
        Assert.Throws<ArgumentException>(() => PaymentAllocator.Allocate([Overdue[0] with { Fee = -1m }], Cny(10m)));
        Assert.Throws<ArgumentException>(() => PaymentAllocator.Allocate([Overdue[0], Overdue[0]], Cny(10m)));
    }
}
