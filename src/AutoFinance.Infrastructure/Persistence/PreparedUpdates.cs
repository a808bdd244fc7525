using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// Prepared UPDATE statements for SQLite, where EF sends a page of a thousand updates as one command of a thousand
/// statements that SQLite compiles anew on every page: a prepared statement is compiled once per set of columns and
/// only rebound. Values are stored exactly as EF stores them (through the properties' converters).
/// </summary>
public static class PreparedUpdates
{
    /// <summary>
    /// An UPDATE of <paramref name="written"/> (values first, in that order) for the row matched by
    /// <paramref name="matchedBy"/> (values after them), prepared inside the current transaction.
    /// </summary>
    public static PreparedUpdate Prepare(AutoFinanceDbContext db, IReadOnlyList<IProperty> written, IReadOnlyList<IProperty> matchedBy)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(matchedBy);
        var entity = written.Concat(matchedBy).First().DeclaringType.ContainingEntityType;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("prepared updates run inside a transaction");
        var columns = written.Concat(matchedBy).ToArray();
        var sql = new StringBuilder("UPDATE \"").Append(table.Name).Append("\" SET ");
        for (var c = 0; c < columns.Length; c++)
        {
            sql.Append(c == 0 ? string.Empty : c == written.Count ? " WHERE " : c < written.Count ? ", " : " AND ")
                .Append('"').Append(columns[c].GetColumnName(table)).Append("\" = ?").Append(c + 1);
        }

        var mappings = columns.Select(c => (RelationalTypeMapping)c.GetRelationalTypeMapping()).ToArray();
        var binders = new Func<sqlite3_stmt, int, object, int>[mappings.Length];
        var native = true;
        for (var c = 0; c < mappings.Length; c++)
        {
            if (SqliteRowInserts.BinderFor(mappings[c]) is not { } binder)
            {
                native = false;
                break;
            }

            binders[c] = binder;
        }

        return native && transaction.Connection is SqliteConnection { Handle: { } handle }
            ? new NativeUpdate(handle, sql.ToString(), mappings, binders)
            : new CommandUpdate(transaction, sql.ToString(), mappings);
    }

    /// <summary>A value as the column stores it (through the mapping's converter, e.g. a Guid as text on SQLite).</summary>
    private static object? Stored(RelationalTypeMapping mapping, object? value) =>
        value is not null && mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;

    /// <summary>
    /// Stepped on the connection's native handle, each value bound by its position (as <see cref="SqliteRowInserts"/>
    /// binds): through a command, every run also made a data reader, a timer and a binder per value.
    /// </summary>
    private sealed class NativeUpdate : PreparedUpdate
    {
        private readonly sqlite3 _handle;
        private readonly sqlite3_stmt _statement;
        private readonly RelationalTypeMapping[] _mappings;
        private readonly Func<sqlite3_stmt, int, object, int>[] _binders;

        public NativeUpdate(sqlite3 handle, string sql, RelationalTypeMapping[] mappings, Func<sqlite3_stmt, int, object, int>[] binders)
        {
            _handle = handle;
            _mappings = mappings;
            _binders = binders;
            SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(handle, sql, out _statement), handle);
        }

        public override void Bind(int index, object? value)
        {
            var stored = Stored(_mappings[index], value);
            SqliteException.ThrowExceptionForRC(stored is null ? raw.sqlite3_bind_null(_statement, index + 1) : _binders[index](_statement, index + 1, stored), _handle);
        }

        public override int Run()
        {
            var stepped = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (stepped != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(stepped, _handle);
            }

            return raw.sqlite3_changes(_handle);
        }

        public override void Dispose() => _statement.Dispose();
    }

    /// <summary>Through a prepared command, for a column whose stored type the native binding does not handle.</summary>
    private sealed class CommandUpdate : PreparedUpdate
    {
        private readonly DbCommand _command;
        private readonly RelationalTypeMapping[] _mappings;

        public CommandUpdate(DbTransaction transaction, string sql, RelationalTypeMapping[] mappings)
        {
            _mappings = mappings;
            _command = transaction.Connection!.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = sql;
            for (var c = 0; c < mappings.Length; c++)
            {
                _command.Parameters.Add(mappings[c].CreateParameter(_command, $"?{c + 1}", null, nullable: true));
            }

            _command.Prepare();
        }

        public override void Bind(int index, object? value) => _command.Parameters[index].Value = Stored(_mappings[index], value) ?? DBNull.Value;

        public override int Run() => _command.ExecuteNonQuery();

        public override void Dispose() => _command.Dispose();
    }
}

/// <summary>One prepared UPDATE: bind its values (a value stays bound until bound again), then run it once a row.</summary>
public abstract class PreparedUpdate : IDisposable
{
    /// <summary>Binds the value of the <paramref name="index"/>th column (written ones first, then those matched by), as the model holds it.</summary>
    public abstract void Bind(int index, object? value);

    /// <summary>Runs the update with the values bound: the number of rows it changed.</summary>
    public abstract int Run();

    public abstract void Dispose();
}
