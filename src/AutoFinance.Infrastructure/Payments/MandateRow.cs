namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// A customer's consent to direct debit (代扣): the card is bound at the provider, which keeps the number; the
/// platform keeps the provider's mandate reference, the card as it may be shown and the bank. Bound only with an SMS
/// code sent to the customer's mobile on file.
/// </summary>
public sealed class MandateRow
{
    public Guid Id { get; set; }

    public Guid CustomerId { get; set; }

    public required string Provider { get; set; }

    public required string MandateReference { get; set; }

    /// <summary>The first four and last four digits, e.g. <c>6222 **** **** 0002</c>; the full number is never stored.</summary>
    public required string MaskedCard { get; set; }

    public required string Bank { get; set; }

    public MandateStatus Status { get; set; } = MandateStatus.Active;

    public DateTimeOffset ConsentedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>Whether a mandate may be debited.</summary>
public enum MandateStatus
{
    Active,
    Revoked,
}
