namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// One partition of one business date's end-of-day: a worker claims it with a lease, works its loans page by page
/// and marks it done. A lease that runs out (the worker died) lets another worker take the partition over; the
/// loans' own last-close dates keep the work exactly-once whoever finishes it.
/// </summary>
public sealed class CobPartitionRow
{
    public DateOnly BusinessDate { get; set; }

    public int Partition { get; set; }

    public PartitionStatus Status { get; set; } = PartitionStatus.Pending;

    public string? Worker { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public int Loans { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public long Version { get; set; }
}
