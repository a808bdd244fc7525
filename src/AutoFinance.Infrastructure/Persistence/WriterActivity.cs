using System.Collections.Concurrent;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// What each group-commit writer of this process has done since it started: the batches it stored (one transaction
/// and one sync each), the requests' writes those carried, and the time it was busy storing them. Every durable
/// request waits for its writer, a writer stores one batch at a time, and the audit chain takes one writer's batch at
/// a time, so a writer busy nearly all of the time is where throughput stops growing however many requests arrive;
/// writes per batch say how widely each sync is shared. The host publishes these at <c>/metrics</c>.
/// </summary>
public static class WriterActivity
{
    /// <summary>One writer's totals.</summary>
    public sealed record Totals(string Writer, long Batches, long Writes, TimeSpan Busy);

    private static readonly ConcurrentDictionary<string, Counts> Writers = new(StringComparer.Ordinal);

    /// <summary>Every writer's totals so far, by name.</summary>
    public static IReadOnlyList<Totals> Snapshot() =>
        [.. Writers.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => new Totals(w.Key, Interlocked.Read(ref w.Value.Batches), Interlocked.Read(ref w.Value.Writes), TimeSpan.FromTicks(Interlocked.Read(ref w.Value.BusyTicks))))];

    /// <summary>Counts one batch the writer stored (its items stored again one by one after it failed included).</summary>
    internal static void Stored(string writer, int writes, TimeSpan busy)
    {
        var counts = Writers.GetOrAdd(writer, static _ => new Counts());
        Interlocked.Increment(ref counts.Batches);
        Interlocked.Add(ref counts.Writes, writes);
        Interlocked.Add(ref counts.BusyTicks, busy.Ticks);
    }

    private sealed class Counts
    {
        public long Batches;
        public long Writes;
        public long BusyTicks;
    }
}
