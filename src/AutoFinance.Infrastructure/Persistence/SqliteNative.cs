using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// Statements on a SQLite connection's native handle, prepared, stepped and run, failing as Microsoft.Data.Sqlite
/// fails (a <see cref="SqliteException"/> with SQLite's error).
/// </summary>
internal static class SqliteNative
{
    public static sqlite3_stmt Prepare(sqlite3 handle, string sql)
    {
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        return statement;
    }

    public static void Check(int rc, sqlite3 handle) => SqliteException.ThrowExceptionForRC(rc, handle);

    /// <summary>Steps the statement: true with a row to read, false when done.</summary>
    public static bool Step(sqlite3_stmt statement, sqlite3 handle)
    {
        var rc = raw.sqlite3_step(statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }

        return false;
    }

    /// <summary>Runs statements that return nothing, such as a pragma setting.</summary>
    public static void Run(sqlite3 handle, string sql) => Check(raw.sqlite3_exec(handle, sql), handle);

    /// <summary>The first column of the statement's first row, as text (a pragma's value).</summary>
    public static string Value(sqlite3 handle, string sql)
    {
        using var statement = Prepare(handle, sql);
        return Step(statement, handle) ? raw.sqlite3_column_text(statement, 0).utf8_to_string() : throw new InvalidOperationException($"{sql} gave no value");
    }
}
