using System.Runtime.CompilerServices;
using SQLitePCL;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// Statements prepared once per native SQLite connection and kept with it, for the hot reads and writes that run
/// again and again: Microsoft.Data.Sqlite prepares every command afresh (EF makes a new command per query), and SQLite's
/// parsing and planning was a large part of a small request's processor time. A connection serves one caller at a
/// time; a statement is reset and its bindings cleared when its lease ends. A statement already leased on the
/// connection (the same text run nested) gets a one-off copy. The statements go with their connection.
/// </summary>
internal static class SqliteStatements
{
    private static readonly ConditionalWeakTable<sqlite3, Dictionary<string, sqlite3_stmt>> Prepared = [];

    /// <summary>The statement of the text on the connection, prepared once, for one use.</summary>
    public static Lease Rent(sqlite3 handle, string sql)
    {
        var cache = Prepared.GetValue(handle, _ => new Dictionary<string, sqlite3_stmt>(StringComparer.Ordinal));
        lock (cache)
        {
            if (cache.Remove(sql, out var statement))
            {
                return new Lease(handle, cache, sql, statement);
            }
        }

        return new Lease(handle, cache, sql, SqliteNative.Prepare(handle, sql));
    }

    /// <summary>One use of a statement: handed back, reset, when disposed.</summary>
    public readonly struct Lease(sqlite3 handle, Dictionary<string, sqlite3_stmt> cache, string sql, sqlite3_stmt statement) : IDisposable
    {
        public sqlite3_stmt Statement => statement;

        public sqlite3 Handle => handle;

        /// <summary>Steps the statement: true with a row to read, false when done.</summary>
        public bool Step() => SqliteNative.Step(statement, handle);

        public void Check(int rc) => SqliteNative.Check(rc, handle);

        public void Dispose()
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
            lock (cache)
            {
                if (cache.TryAdd(sql, statement))
                {
                    return;
                }
            }

            statement.Dispose();
        }
    }
}
