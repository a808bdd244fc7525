namespace AutoFinance.Infrastructure.Operations;

/// <summary>How a run of a scheduled job ended (or that it has not yet).</summary>
public enum JobOutcome
{
    Running,

    Succeeded,

    /// <summary>It threw or the host stopped during it; the run's detail says which.</summary>
    Failed,
}
