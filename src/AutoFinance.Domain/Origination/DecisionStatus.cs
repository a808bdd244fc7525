namespace AutoFinance.Domain.Origination;

/// <summary>The outcome of the automated decision.</summary>
public enum DecisionStatus
{
    Approved,

    /// <summary>Sent to an underwriter, who decides and records why.</summary>
    Referred,

    Declined,
}
