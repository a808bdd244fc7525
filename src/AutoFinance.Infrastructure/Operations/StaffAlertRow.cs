namespace AutoFinance.Infrastructure.Operations;

/// <summary>
/// Something staff must look at that no person asked for (a model whose score distribution drifted past its limit,
/// say): shown on the jobs page and the model page until someone acknowledges it.
/// </summary>
public sealed class StaffAlertRow
{
    public Guid Id { get; set; }

    /// <summary>What raised it, e.g. model.psi.</summary>
    public required string Kind { get; set; }

    /// <summary>Raising the same alert twice (a rerun of the same day's check) keeps one row.</summary>
    public required string DedupeKey { get; set; }

    /// <summary>warning or critical.</summary>
    public required string Severity { get; set; }

    /// <summary>The figures behind it, language-neutral, e.g. psi=0.3124 model=... scores=412.</summary>
    public required string Detail { get; set; }

    /// <summary>The figure the alert is about, as its kind reads it: the score's PSI, the messages given up on.</summary>
    public double? Figure { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }
}
