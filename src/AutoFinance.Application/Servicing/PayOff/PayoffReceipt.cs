namespace AutoFinance.Application.Servicing.PayOff;

/// <summary>A payoff as posted: the cash paid, the credit it used, its date and the loan's status after.</summary>
public sealed record PayoffReceipt(Guid PaymentId, Guid LoanId, decimal Paid, decimal CreditUsed, DateOnly PaidOn, string LoanStatus);
