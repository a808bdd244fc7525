namespace AutoFinance.Infrastructure.Servicing;

/// <summary>Where one partition of a business date's end-of-day stands.</summary>
public enum PartitionStatus
{
    /// <summary>No worker has claimed it yet.</summary>
    Pending,

    /// <summary>A worker holds it under a lease and is closing its loans page by page.</summary>
    Running,

    /// <summary>Every loan in it was closed for the date.</summary>
    Done,
}
