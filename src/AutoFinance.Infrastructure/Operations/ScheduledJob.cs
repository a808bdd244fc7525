using AutoFinance.Application.Common;

namespace AutoFinance.Infrastructure.Operations;

/// <summary>What a job is given when it runs: its own service scope, the scheduled moment it works as of, and how it was started.</summary>
public sealed record JobContext(IServiceProvider Services, DateTimeOffset Occurrence, string Trigger, CancellationToken Cancellation);

/// <summary>
/// A job the platform runs by itself: its stable name (the API and the page use it), when it is due, the work, which
/// answers a note saying what it did (a short English line and its facts by name, no personal data; both are kept with
/// the run), and what becomes of a slot it missed while no host was up.
/// </summary>
public sealed record ScheduledJob(string Name, JobSchedule Schedule, Func<JobContext, Task<RecordNote>> Work, MissedSlot WhenMissed = MissedSlot.Skip)
{
    /// <summary>
    /// For <see cref="MissedSlot.MakeUpSameDay"/>: the moment from which a missed slot is no longer made up. Without
    /// it such a job makes up nothing.
    /// </summary>
    public Func<DateTimeOffset, DateTimeOffset>? MakeUpUntil { get; init; }

    /// <summary>Whether a slot missed at <paramref name="slot"/> is still to be made up at <paramref name="now"/>.</summary>
    public bool MakesUp(DateTimeOffset slot, DateTimeOffset now) => WhenMissed switch
    {
        MissedSlot.MakeUpOnce => true,
        MissedSlot.MakeUpSameDay => MakeUpUntil is { } until && now < until(slot),
        _ => false,
    };
}

/// <summary>Every job this host schedules, by name (a job switched off in settings is not in it).</summary>
public sealed class JobCatalog(IEnumerable<ScheduledJob> jobs)
{
    public IReadOnlyList<ScheduledJob> Jobs { get; } = [.. jobs];

    public ScheduledJob? Find(string name) => Jobs.FirstOrDefault(j => string.Equals(j.Name, name, StringComparison.Ordinal));
}
