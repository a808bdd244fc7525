namespace AutoFinance.Infrastructure.Operations;

/// <summary>What a job does about a slot that passed while no host was up to run it.</summary>
public enum MissedSlot
{
    /// <summary>Nothing: the job waits for its next slot.</summary>
    Skip,

    /// <summary>
    /// Once at start-up, as of the latest slot missed (not once per slot), when the job's latest recorded run started
    /// before that slot.
    /// </summary>
    MakeUpOnce,
}
