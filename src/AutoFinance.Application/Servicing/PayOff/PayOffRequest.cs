namespace AutoFinance.Application.Servicing.PayOff;

/// <summary>
/// A payoff: optionally the amount quoted (to confirm it), and — staff only — an earlier date with the reason for it,
/// and the channel and receipt of the money (<see cref="PostPayment.PaymentChannels"/>).
/// </summary>
public sealed record PayOffRequest(DateOnly? PaidOn, decimal? Amount, string? Reason = null, string? ReceiptReference = null, string? Channel = null);
