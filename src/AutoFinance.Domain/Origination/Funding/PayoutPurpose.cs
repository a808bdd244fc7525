namespace AutoFinance.Domain.Origination.Funding;

/// <summary>Why money is paid out: a contract's loan to its dealer, or credit owed back to a customer once their loan closed.</summary>
public enum PayoutPurpose
{
    Disbursement,
    Refund,
}
