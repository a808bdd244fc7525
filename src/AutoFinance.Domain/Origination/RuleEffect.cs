namespace AutoFinance.Domain.Origination;

/// <summary>What a failed check does to the decision.</summary>
public enum RuleEffect
{
    /// <summary>A hard rule: the application is declined.</summary>
    Decline,

    /// <summary>The application goes to an underwriter.</summary>
    Refer,

    /// <summary>
    /// A rule about the plan asked for (term, method, down payment, payment): another plan may pass it, so the failure
    /// alone declines nothing. The offers are the plans that pass; with none, the application is declined.
    /// </summary>
    CounterOffer,
}
