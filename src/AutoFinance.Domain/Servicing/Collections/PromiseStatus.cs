namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>Where a promise to pay stands.</summary>
public enum PromiseStatus
{
    /// <summary>Not yet paid in full and the deadline has not passed.</summary>
    Pending,

    /// <summary>Paid in full by the deadline.</summary>
    Kept,

    /// <summary>The deadline passed without the full amount (some may have been paid).</summary>
    Broken,
}
