namespace AutoFinance.Application.Servicing.PostPayment;

/// <summary>A payment as posted: what it settled, what it left as credit or prepaid, and how it was split.</summary>
public sealed record PaymentReceipt(
    Guid PaymentId, Guid LoanId, decimal Amount, DateOnly PaidOn, decimal Allocated, decimal Overpayment, decimal Prepaid, string LoanStatus, IReadOnlyList<AllocationLine> Allocation);

/// <summary>What a payment put on one instalment, by component.</summary>
public sealed record AllocationLine(int Installment, DateOnly DueDate, decimal Fee, decimal PenaltyInterest, decimal Interest, decimal Principal);
