namespace AutoFinance.Application.Servicing.ReversePayment;

/// <summary>A reversed payment: how much, why, how many later payments were applied again, and the loan's status after.</summary>
public sealed record PaymentReversal(Guid PaymentId, Guid LoanId, decimal Amount, string Reason, int PaymentsReapplied, string LoanStatus);
