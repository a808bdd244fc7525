namespace AutoFinance.Domain.Origination.Funding;

/// <summary>Where a payout stands: instructed and waiting for the provider's or the bank's word, confirmed, or failed.</summary>
public enum PayoutStatus
{
    Pending,
    Confirmed,
    Failed,
}
