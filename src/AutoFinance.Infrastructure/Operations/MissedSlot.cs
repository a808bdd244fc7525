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

    /// <summary>
    /// As <see cref="MakeUpOnce"/>, but only when the host starts before the slot's cut-off
    /// (<see cref="ScheduledJob.MakeUpUntil"/>, the end of the slot's business day or sooner), and only once the
    /// nightly jobs have made up theirs, in the night's order; a slot of an earlier day is left to the next slot.
    /// </summary>
    MakeUpSameDay,
}
