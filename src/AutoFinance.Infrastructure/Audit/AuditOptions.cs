namespace AutoFinance.Infrastructure.Audit;

/// <summary>Where the audit chain's checkpoints are written and how often (section <c>Audit</c>).</summary>
public sealed record AuditOptions
{
    /// <summary>The append-only checkpoint file; empty means <c>audit-checkpoints.log</c> in the key directory.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>A checkpoint at least this often while entries are being added.</summary>
    public int CheckpointMinutes { get; init; } = 5;

    /// <summary>A checkpoint as soon as this many entries were added since the last one.</summary>
    public int CheckpointEntries { get; init; } = 1000;

    /// <summary>How often the web host looks at the head; false switches the background checkpoints off.</summary>
    public int PollSeconds { get; init; } = 30;

    public bool CheckpointsEnabled { get; init; } = true;
}
