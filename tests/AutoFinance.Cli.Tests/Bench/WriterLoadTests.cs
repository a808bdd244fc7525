using AutoFinance.Cli.Bench;

namespace AutoFinance.Cli.Tests.Bench;

public class WriterLoadTests
{
    private const string Before = """
        # HELP autofinance_storage_writer_batches_total Batches a group-commit writer stored, one transaction and one sync each, by writer.
        # TYPE autofinance_storage_writer_batches_total counter
        autofinance_storage_writer_batches_total{writer="changes"} 100
        autofinance_storage_writer_batches_total{writer="decisions"} 7
        autofinance_storage_writer_items_total{writer="changes"} 400
        autofinance_storage_writer_items_total{writer="decisions"} 70
        autofinance_storage_writer_busy_seconds_total{writer="changes"} 0.25
        autofinance_storage_writer_busy_seconds_total{writer="decisions"} 0.1
        autofinance_applications_decided_total{status="approved",channel="dealer"} 3
        """;

    private const string After = """
        autofinance_storage_writer_batches_total{writer="changes"} 1100
        autofinance_storage_writer_batches_total{writer="decisions"} 7
        autofinance_storage_writer_items_total{writer="changes"} 5200
        autofinance_storage_writer_items_total{writer="decisions"} 70
        autofinance_storage_writer_busy_seconds_total{writer="changes"} 3.85
        autofinance_storage_writer_busy_seconds_total{writer="decisions"} 0.1
        """;

    [Fact]
    public void A_phase_shows_how_busy_each_writer_was_and_leaves_out_writers_that_stored_nothing()
    {
        var loads = WriterLoad.Between(WriterProbe.Parse(Before), WriterProbe.Parse(After), TimeSpan.FromSeconds(4));

        var changes = Assert.Single(loads);
        Assert.Equal("changes", changes.Writer);
        Assert.Equal(1000, changes.Batches);
        Assert.Equal(0.9, changes.BusyShare);
        Assert.Equal(4.8, changes.WritesPerBatch);
        Assert.Equal(3.6, changes.MillisecondsPerBatch);
        Assert.Equal("; writers: changes busy 90 % of the phase (4.8 writes, 3.60 ms a batch)", WriterLoad.Describe(loads));
    }

    [Fact]
    public void A_host_whose_writers_stored_nothing_adds_nothing_to_the_phase_line()
    {
        var loads = WriterLoad.Between(WriterProbe.Parse(Before), WriterProbe.Parse(Before), TimeSpan.FromSeconds(4));

        Assert.Empty(loads);
        Assert.Equal(string.Empty, WriterLoad.Describe(loads));
    }
}
