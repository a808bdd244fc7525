using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// SQLite's bulk copy: one single-row INSERT prepared on the connection's native handle and stepped once per row,
/// each value bound by its position. Through a command, every row also made a data reader, a timer and a binder per
/// value, and looked each parameter up by name; the values are bound here as Microsoft.Data.Sqlite binds them (after
/// the properties' converters), so the stored rows are the same. Null when a column's stored type is one this does
/// not bind; the caller then inserts through commands.
/// </summary>
internal sealed class SqliteRowInserts
{
    private readonly BulkInsert.Column[] _columns;
    private readonly Func<sqlite3_stmt, int, object, int>[] _binders;
    private readonly string _sql;

    private SqliteRowInserts(string table, BulkInsert.Column[] columns, Func<sqlite3_stmt, int, object, int>[] binders)
    {
        _columns = columns;
        _binders = binders;
        _sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"?{i + 1}"))})";
    }

    public static SqliteRowInserts? For<T>(AutoFinanceDbContext db)
    {
        var (table, columns) = BulkInsert.Columns<T>(db);
        var binders = new Func<sqlite3_stmt, int, object, int>[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            if (BinderFor(columns[c].Mapping) is not { } binder)
            {
                return null;
            }

            binders[c] = binder;
        }

        return new SqliteRowInserts(table, columns, binders);
    }

    /// <summary>How Microsoft.Data.Sqlite binds a stored value of the mapping (after its converter); null for a type not handled here.</summary>
    internal static Func<sqlite3_stmt, int, object, int>? BinderFor(RelationalTypeMapping mapping)
    {
        using var probe = new SqliteCommand();
        var parameter = (SqliteParameter)mapping.CreateParameter(probe, "p", null, nullable: true);
        return parameter.Size > 0 ? null : BinderOf(mapping.Converter?.ProviderClrType ?? mapping.ClrType, parameter.SqliteType);
    }

    /// <summary>Inserts the rows inside the connection's current transaction.</summary>
    public void Insert<T>(AutoFinanceDbContext db, IReadOnlyList<T> rows)
        where T : class
    {
        _ = db.Database.CurrentTransaction ?? throw new InvalidOperationException("bulk inserts run inside a transaction");
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(handle, _sql, out var statement), handle);
        using (statement)
        {
            foreach (var row in rows)
            {
                for (var c = 0; c < _columns.Length; c++)
                {
                    var value = _columns[c].Getter.GetClrValue(row);
                    if (value is not null && _columns[c].Mapping.Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    var rc = value is null ? raw.sqlite3_bind_null(statement, c + 1) : _binders[c](statement, c + 1, value);
                    SqliteException.ThrowExceptionForRC(rc, handle);
                }

                var stepped = raw.sqlite3_step(statement);
                if (stepped != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(stepped, handle);
                }

                raw.sqlite3_reset(statement);
            }
        }
    }

    /// <summary>How Microsoft.Data.Sqlite binds a value of the stored type (null for a type not handled here).</summary>
    private static Func<sqlite3_stmt, int, object, int>? BinderOf(Type stored, SqliteType kind)
    {
        var type = Nullable.GetUnderlyingType(stored) ?? stored;
        return type switch
        {
            _ when type == typeof(string) => (s, i, v) => SqliteColumns.BindText(s, i, (string)v),
            _ when type == typeof(long) => (s, i, v) => raw.sqlite3_bind_int64(s, i, (long)v),
            _ when type == typeof(int) => (s, i, v) => raw.sqlite3_bind_int64(s, i, (int)v),
            _ when type == typeof(bool) => (s, i, v) => raw.sqlite3_bind_int64(s, i, (bool)v ? 1L : 0L),
            _ when type == typeof(double) => (s, i, v) => double.IsNaN((double)v) ? throw new InvalidOperationException("Cannot store 'NaN' values.") : raw.sqlite3_bind_double(s, i, (double)v),
            _ when type == typeof(Guid) && kind != SqliteType.Blob => (s, i, v) => SqliteColumns.BindGuid(s, i, (Guid)v),
            _ when type == typeof(DateOnly) && kind != SqliteType.Real => (s, i, v) => SqliteColumns.BindDate(s, i, (DateOnly)v),
            _ => null,
        };
    }
}
