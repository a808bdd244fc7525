namespace AutoFinance.Domain.Origination.Funding;

/// <summary>
/// Whether a booked loan's dealer is owed their money again: the newest payout made to them (a disbursement or a
/// redisbursement) was sent back by their bank, or is a redisbursement that failed. One pending is on its way; one
/// confirmed paid them. Refunds to the customer do not count.
/// </summary>
public static class DealerRepayment
{
    public static bool Due(IEnumerable<(PayoutPurpose Purpose, PayoutStatus Status)> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        foreach (var (purpose, status) in newestFirst)
        {
            if (purpose == PayoutPurpose.Refund)
            {
                continue;
            }

            return status == PayoutStatus.Returned || (purpose == PayoutPurpose.Redisbursement && status == PayoutStatus.Failed);
        }

        return false;
    }
}
