namespace AutoFinance.Domain.Origination.Funding;

/// <summary>
/// Why money is paid out: a contract's loan to its dealer, credit owed back to a customer once their loan closed, or
/// a booked loan's dealer paid again after their bank returned the payout (the loan is not booked twice).
/// </summary>
public enum PayoutPurpose
{
    Disbursement,
    Refund,
    Redisbursement,
}
