namespace AutoFinance.Application.Servicing.PostPayment;

/// <summary>A payment: the amount, what to do with any surplus, and — staff only — an earlier date with the reason for it.</summary>
public sealed record PostPaymentRequest(decimal? Amount, DateOnly? PaidOn, string? Surplus = null, string? Reason = null);
