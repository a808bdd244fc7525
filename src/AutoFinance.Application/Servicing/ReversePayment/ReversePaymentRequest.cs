namespace AutoFinance.Application.Servicing.ReversePayment;

/// <summary>Why a payment is reversed (returned, bounced, posted in error).</summary>
public sealed record ReversePaymentRequest(string? Reason);
