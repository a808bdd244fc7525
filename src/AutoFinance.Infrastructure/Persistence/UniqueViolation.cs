using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>Recognises a unique-constraint violation on either provider, optionally on a named index or table.</summary>
public static class UniqueViolation
{
    public static bool Is(Exception exception, string? indexOrTable = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return (exception is DbUpdateException ? exception.InnerException : exception) switch
        {
            SqliteException { SqliteErrorCode: 19 } sqlite => indexOrTable is null || sqlite.Message.Contains(indexOrTable, StringComparison.OrdinalIgnoreCase),
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => indexOrTable is null
                || (pg.ConstraintName ?? string.Empty).Contains(indexOrTable, StringComparison.OrdinalIgnoreCase)
                || (pg.TableName ?? string.Empty).Contains(indexOrTable, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }
}
