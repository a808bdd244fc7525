using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// Every SQLite connection commits durably (synchronous = FULL: a decision is on disk before it is answered) and waits
/// for a busy writer instead of failing. WAL journaling is set once on the database file at start.
/// The settings belong to the native connection, which the pool hands out again and again: they are applied once per
/// native connection, not on every open (EF opens a connection for each query).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Applied = [];
    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Apply(connection);
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Applied.TryGetValue(handle, out _))
        {
            return;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";
            command.ExecuteNonQuery();
        }

        if (handle is not null)
        {
            Applied.AddOrUpdate(handle, Done);
        }
    }
}
