using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// Checkpoints a WAL database from a connection and a thread of its own while a long batch writes through another
/// connection, whose own checkpoints are turned off meanwhile. A connection checkpoints on the thread that commits,
/// after the commit: it copies the pages the log holds into the database file and waits for them to reach the disk,
/// and the batch waits with it. Here that copy and that wait run beside the batch, on another core.
/// Durability does not change: each commit is still synced to the log before it returns (synchronous = FULL); a
/// checkpoint copies only what the log holds durably already, and this connection (FULL as well) syncs the database
/// file before the log may be reused. A checkpoint that fails or is not done leaves the pages in the log, where every
/// reader finds them; the writer's own checkpoints come back when the batch ends.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>How long the thread waits after a checkpoint before the next: commits are tens to hundreds of milliseconds apart.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    private readonly sqlite3 _writer;
    private readonly long _writerPages;
    private readonly SqliteConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private SqliteCheckpointer(sqlite3 writer, long writerPages, SqliteConnection connection)
    {
        _writer = writer;
        _writerPages = writerPages;
        _connection = connection;
        _loop = Task.Factory.StartNew(Loop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// Starts checkpointing the database <paramref name="writer"/> writes to, and turns the writer's own checkpoints
    /// off until disposed; null (nothing changed) when the database is not a file in WAL mode.
    /// </summary>
    public static SqliteCheckpointer? Start(SqliteConnection writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var handle = writer.Handle ?? throw new InvalidOperationException("the writer's connection is not open");
        if (!string.Equals(SqliteNative.Value(handle, "PRAGMA journal_mode"), "wal", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(raw.sqlite3_db_filename(handle, "main").utf8_to_string()))
        {
            return null;
        }

        var connection = new SqliteConnection(writer.ConnectionString);
        try
        {
            connection.Open();
            SqliteNative.Run(connection.Handle!, "PRAGMA synchronous = FULL");
            var writerPages = long.Parse(SqliteNative.Value(handle, "PRAGMA wal_autocheckpoint"), System.Globalization.CultureInfo.InvariantCulture);
            SqliteNative.Run(handle, "PRAGMA wal_autocheckpoint = 0");
            return new SqliteCheckpointer(handle, writerPages, connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Stops the thread after a last checkpoint, and gives the writer its own checkpoints back.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        SqliteNative.Run(_writer, FormattableString.Invariant($"PRAGMA wal_autocheckpoint = {_writerPages}"));
        await _connection.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private void Loop()
    {
        var handle = _connection.Handle!;
        while (true)
        {
            var stopping = _stop.Token.WaitHandle.WaitOne(Interval);
            // Passive: copies what no reader still needs from the log, without waiting for readers or writers. Busy when
            // another connection is checkpointing (another worker, another process): it does the same work.
            var rc = raw.sqlite3_wal_checkpoint_v2(handle, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out _, out _);
            if (stopping || (rc != raw.SQLITE_OK && rc != raw.SQLITE_BUSY))
            {
                return;
            }
        }
    }
}
