namespace AutoFinance.Insight.Offers;

/// <summary>Where consent stands for a customer, purpose and channel at an instant.</summary>
public enum ConsentState
{
    /// <summary>Never recorded: no consent.</summary>
    NeverGiven,

    /// <summary>The latest event granted consent.</summary>
    Granted,

    /// <summary>The latest event withdrew consent.</summary>
    Withdrawn,
}
