namespace AutoFinance.Domain.Approvals;

/// <summary>Where a four-eyes request stands: only a pending one may be decided, and it is decided once.</summary>
public enum ApprovalStatus
{
    /// <summary>Asked for; waiting for a second person.</summary>
    Pending,

    /// <summary>A second person approved it and the action was carried out.</summary>
    Approved,

    /// <summary>A second person turned it down; nothing happened.</summary>
    Rejected,

    /// <summary>Approved, but the action could no longer be carried out (the outcome says why); nothing happened.</summary>
    Failed,
}
