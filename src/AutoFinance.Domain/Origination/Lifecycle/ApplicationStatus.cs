namespace AutoFinance.Domain.Origination.Lifecycle;

/// <summary>Where an application is in its life, from submission to the loan paid out.</summary>
public enum ApplicationStatus
{
    /// <summary>Received; the decision is being made.</summary>
    Submitted,

    /// <summary>Approved with offers the customer may accept.</summary>
    Approved,

    /// <summary>Waiting for an underwriter.</summary>
    Referred,

    Declined,

    /// <summary>An offer was accepted and the contract signed.</summary>
    Accepted,

    /// <summary>The funds were released and the loan booked.</summary>
    Disbursed,
}

/// <summary>Where a contract is: signed and waiting for the funds, its payout to the dealer instructed and not yet confirmed, or booked as a loan.</summary>
public enum ContractStatus
{
    Signed,
    Booked,
    PayoutPending,
}
