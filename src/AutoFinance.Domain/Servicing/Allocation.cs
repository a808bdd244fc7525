using AutoFinance.Domain.Monetary;

namespace AutoFinance.Domain.Servicing;

/// <summary>
/// How one payment was split: per instalment (oldest first) and component, and the overpayment left when every due
/// was met. <see cref="Allocated"/> + <see cref="Overpayment"/> is the payment exactly.
/// </summary>
public sealed class Allocation
{
    internal Allocation(Money payment, InstallmentAllocation[] installments, decimal overpayment)
    {
        Payment = payment;
        Installments = installments;
        Overpayment = overpayment;
        foreach (var installment in installments)
        {
            Allocated += installment.Total;
        }
    }

    public Money Payment { get; }

    public Currency Currency => Payment.Currency;

    /// <summary>One row per instalment that was due, oldest first (a row may be all zero when the payment ran out).</summary>
    public IReadOnlyList<InstallmentAllocation> Installments { get; }

    public decimal Allocated { get; }

    public decimal Overpayment { get; }

    /// <summary>The amount settled on one component across every instalment.</summary>
    public decimal Total(DueComponent component) => Installments.Sum(installment => installment.Of(component));
}
