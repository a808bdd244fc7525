namespace AutoFinance.Domain.ServiceDesk;

/// <summary>How urgent a case is.</summary>
public enum CasePriority
{
    /// <summary>Can wait.</summary>
    Low,

    /// <summary>The usual.</summary>
    Normal,

    /// <summary>Affects money or a deadline.</summary>
    High,

    /// <summary>A regulator, a vulnerable customer or money at risk today.</summary>
    Urgent,
}
