namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// A dealer's verified settlement account, the only account its payouts go to. The account number is personal-grade
/// data: stored encrypted, shown masked. Written only when a second person approves the change (four eyes).
/// </summary>
public sealed class SettlementAccountRow
{
    /// <summary>The dealer; <see cref="SettlementAccounts.DirectChannel"/> for applications made online without a dealer.</summary>
    public Guid DealerId { get; set; }

    public required string PayeeName { get; set; }

    public required string Bank { get; set; }

    public required string AccountNumberCipher { get; set; }

    public required string AccountNumberMasked { get; set; }

    public required string RequestedBy { get; set; }

    public required string VerifiedBy { get; set; }

    public DateTimeOffset VerifiedAt { get; set; }

    public long Version { get; set; }
}
