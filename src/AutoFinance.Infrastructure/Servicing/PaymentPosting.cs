using AutoFinance.Application.Common;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// Applies one payment to a loan's instalments: allocation by the waterfall over what is due by the payment date,
/// then the surplus held or prepaid as the customer chose, and the balanced entry that records it. Used for a new
/// payment and, on a reversal, to apply the later payments again.
/// </summary>
public static class PaymentPosting
{
    public const string Hold = "hold";
    public const string Prepay = "prepay";

    public sealed record Outcome(Allocation Allocation, decimal Prepaid, string? ScheduleBeforeJson, JournalEntry Entry)
    {
        public decimal Held => Allocation.Overpayment - Prepaid;

        public string AllocationJson => Json.Serialize(Allocation.Installments.Where(p => p.Total > 0m).ToList());
    }

    public static Outcome Post(LoanRow loan, IReadOnlyList<InstallmentRow> installments, decimal amount, DateOnly paidOn, string surplus, string description)
    {
        ArgumentNullException.ThrowIfNull(loan);
        var currency = Currency.FromCode(loan.Currency);
        var allocation = PaymentAllocator.Allocate(InstallmentBook.Owing(installments, paidOn), Money.Of(amount, currency), AllocationOrder.Default);
        InstallmentBook.Apply(installments, allocation.Installments);
        var (prepaid, before) = surplus == Prepay
            ? Prepayment.Apply(loan, installments, allocation.Overpayment, paidOn, currency)
            : (0m, null);
        return new Outcome(allocation, prepaid, before, LoanPostings.Payment(paidOn, allocation, prepaid, description));
    }

    /// <summary>Takes a stored payment off the instalments: its allocation, and the re-amortisation its prepayment made.</summary>
    public static void Undo(IReadOnlyList<InstallmentRow> installments, PaymentRow payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.ScheduleBeforeJson is { } before)
        {
            Prepayment.Restore(installments, before);
        }

        InstallmentBook.Undo(installments, Json.Deserialize<List<InstallmentAllocation>>(payment.AllocationJson) ?? []);
    }
}
