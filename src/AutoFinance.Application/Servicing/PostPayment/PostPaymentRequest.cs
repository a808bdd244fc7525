namespace AutoFinance.Application.Servicing.PostPayment;

/// <summary>
/// A payment: the amount, what to do with any surplus, and — staff only — an earlier date with the reason for it.
/// Money staff post (cash at a branch, a transfer confirmed by phone) names the channel it came through and the
/// receipt that proves it (<see cref="PaymentChannels"/>); money the rails post names the rail and its reference.
/// </summary>
public sealed record PostPaymentRequest(decimal? Amount, DateOnly? PaidOn, string? Surplus = null, string? Reason = null, string? ReceiptReference = null, string? Channel = null);
