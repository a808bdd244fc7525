using AutoFinance.Infrastructure.Persistence;
using Prometheus;

namespace AutoFinance.Web.Hosting;

/// <summary>
/// The group-commit writers' totals (<see cref="WriterActivity"/>) at /metrics, read when Prometheus scrapes: the rate
/// of <c>autofinance_storage_writer_busy_seconds_total</c> is the share of time a writer is busy, and items over batches
/// how many requests share one commit.
/// </summary>
public static class StorageWriterMetrics
{
    private static readonly Counter Batches = Metrics.CreateCounter(
        "autofinance_storage_writer_batches_total", "Batches a group-commit writer stored, one transaction and one sync each, by writer.", "writer");

    private static readonly Counter Items = Metrics.CreateCounter(
        "autofinance_storage_writer_items_total", "Requests' writes those batches carried, by writer.", "writer");

    private static readonly Counter Busy = Metrics.CreateCounter(
        "autofinance_storage_writer_busy_seconds_total", "Time a group-commit writer spent storing batches, waits for the audit chain included, by writer.", "writer");

    private static int _registered;

    /// <summary>Publishes the totals at every scrape (once per process, however many hosts it starts).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            Metrics.DefaultRegistry.AddBeforeCollectCallback(Publish);
        }
    }

    private static void Publish()
    {
        foreach (var writer in WriterActivity.Snapshot())
        {
            Batches.WithLabels(writer.Writer).IncTo(writer.Batches);
            Items.WithLabels(writer.Writer).IncTo(writer.Writes);
            Busy.WithLabels(writer.Writer).IncTo(writer.Busy.TotalSeconds);
        }
    }
}
