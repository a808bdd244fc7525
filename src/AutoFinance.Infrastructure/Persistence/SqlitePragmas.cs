using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// Every SQLite connection commits durably (synchronous = FULL: a decision is on disk before it is answered) and waits
/// for a busy writer instead of failing. WAL journaling is set once on the database file at start.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
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
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";
        command.ExecuteNonQuery();
    }
}
