namespace AutoFinance.Domain.Origination.Funding;

/// <summary>
/// Where a payout stands: instructed and waiting for the provider's or the bank's word, confirmed, failed, or returned
/// (confirmed, then sent back by the payee's bank, such as to a closed account: the money is the lender's again and
/// still owed to the payee).
/// </summary>
public enum PayoutStatus
{
    Pending,
    Confirmed,
    Failed,
    Returned,
}
