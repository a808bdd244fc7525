using AutoFinance.Application.Common;

namespace AutoFinance.Infrastructure.Operations;

/// <summary>
/// One run of a scheduled job. A scheduled run is keyed by its job and the occurrence it is for, so when several
/// hosts reach the same occurrence only the first insert succeeds and the job runs once; a run asked for by hand
/// carries the moment it was asked for as its occurrence.
/// </summary>
public sealed class JobRunRow
{
    public Guid Id { get; set; }

    public required string Job { get; set; }

    /// <summary>The scheduled moment this run is for (the slot missed, for a made-up run; when it was asked for, for a manual run).</summary>
    public DateTimeOffset Occurrence { get; set; }

    /// <summary>schedule, manual or made-up (at start-up, for a slot missed while no host was up).</summary>
    public required string Trigger { get; set; }

    /// <summary>The host that claimed the run.</summary>
    public required string Node { get; set; }

    /// <summary>Who asked for a manual run.</summary>
    public string? RequestedBy { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public JobOutcome Outcome { get; set; } = JobOutcome.Running;

    /// <summary>What the run did, or why it failed (no personal data).</summary>
    public string? Detail { get; set; }

    /// <summary>The detail's facts by name (JSON), for saying it in the reader's language; null on runs recorded before they were kept, or failed with an error.</summary>
    public string? DetailFacts { get; set; }

    /// <summary>Records what the run did, or why it stopped.</summary>
    public void Record(RecordNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        Detail = note.Text.Length <= 1000 ? note.Text : note.Text[..997] + "...";
        DetailFacts = Json.Serialize(note.Facts);
    }
}
