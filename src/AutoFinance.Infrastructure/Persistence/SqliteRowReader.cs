using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// An entity's row read from a stepped native SQLite statement, every mapped column in the model's order, each value
/// read as Microsoft.Data.Sqlite reads its stored type and passed through the property's converter, as EF materializes
/// it: for the hot reads that run on a statement prepared once (<see cref="SqliteStatements"/>). An entity with a
/// column of a type not read here, shadow properties or an inheritance hierarchy has no reader (its reads stay EF's).
/// </summary>
internal sealed class SqliteRowReader
{
    private static readonly ConcurrentDictionary<IEntityType, SqliteRowReader?> Readers = new();

    private readonly Func<object> _create;
    private readonly Column[] _columns;

    private SqliteRowReader(Func<object> create, Column[] columns, string table)
    {
        _create = create;
        _columns = columns;
        Table = table;
    }

    /// <summary>The entity's table.</summary>
    public string Table { get; }

    /// <summary>How many columns a row takes in a statement.</summary>
    public int Width => _columns.Length;

    /// <summary>The reader of the entity's rows, or null when EF must read them.</summary>
    public static SqliteRowReader? For(DbContext db, Type type)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Model.FindEntityType(type) is { } entity ? Readers.GetOrAdd(entity, Build) : null;
    }

    /// <summary>The columns as a select list, each qualified by <paramref name="alias"/>.</summary>
    public string Select(string alias) => string.Join(", ", _columns.Select(c => $"\"{alias}\".\"{c.Name}\""));

    /// <summary>The row whose columns start at <paramref name="first"/>.</summary>
    public T Read<T>(sqlite3_stmt statement, int first)
    {
        var row = _create();
        for (var c = 0; c < _columns.Length; c++)
        {
            var column = _columns[c];
            object? value = null;
            if (!SqliteColumns.IsNull(statement, first + c))
            {
                value = column.Read(statement, first + c);
                if (column.Converter is { } converter)
                {
                    value = converter.ConvertFromProvider(value);
                }
            }

            column.Set(row, value);
        }

        return (T)row;
    }

    private static SqliteRowReader? Build(IEntityType entity)
    {
        if (entity.BaseType is not null || entity.GetDirectlyDerivedTypes().Any() || entity.IsOwned() || entity.GetComplexProperties().Any()
            || entity.GetTableName() is not { } name || entity.ClrType.GetConstructor(Type.EmptyTypes) is not { } constructor)
        {
            return null;
        }

        var table = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = new List<Column>();
        foreach (var property in entity.GetProperties())
        {
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            var stored = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
            if (property.IsShadowProperty() || property.PropertyInfo is not { CanWrite: true } info || property.GetColumnName(table) is not { } column
                || ReaderOf(Nullable.GetUnderlyingType(stored) ?? stored) is not { } read)
            {
                return null;
            }

            columns.Add(new Column(column, read, mapping.Converter, Setter(info)));
        }

        var create = Expression.Lambda<Func<object>>(Expression.New(constructor)).Compile();
        return new SqliteRowReader(create, [.. columns], name);
    }

    /// <summary>How Microsoft.Data.Sqlite reads a value of the stored type (null for a type not handled here).</summary>
    private static Func<sqlite3_stmt, int, object>? ReaderOf(Type stored) => stored switch
    {
        _ when stored == typeof(string) => (s, i) => SqliteColumns.Text(s, i),
        _ when stored == typeof(long) => (s, i) => SqliteColumns.Int64(s, i),
        _ when stored == typeof(int) => (s, i) => SqliteColumns.Int32(s, i),
        _ when stored == typeof(bool) => (s, i) => SqliteColumns.Boolean(s, i),
        _ when stored == typeof(double) => (s, i) => raw.sqlite3_column_double(s, i),
        _ when stored == typeof(Guid) => (s, i) => raw.sqlite3_column_type(s, i) == raw.SQLITE_BLOB && raw.sqlite3_column_bytes(s, i) == 16
            ? new Guid(raw.sqlite3_column_blob(s, i))
            : SqliteColumns.Guid(s, i),
        _ when stored == typeof(DateOnly) => (s, i) => raw.sqlite3_column_type(s, i) == raw.SQLITE_TEXT
            ? SqliteColumns.Date(s, i)
            : throw new InvalidOperationException("a date not stored as text"),
        _ => null,
    };

    private static Action<object, object?> Setter(System.Reflection.PropertyInfo info)
    {
        var row = Expression.Parameter(typeof(object));
        var value = Expression.Parameter(typeof(object));
        var body = Expression.Assign(Expression.Property(Expression.Convert(row, info.DeclaringType!), info), Expression.Convert(value, info.PropertyType));
        return Expression.Lambda<Action<object, object?>>(body, row, value).Compile();
    }

    private sealed record Column(string Name, Func<sqlite3_stmt, int, object> Read, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, Action<object, object?> Set);
}
