using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// Many rows' UPDATE on PostgreSQL as one statement: each column's values go as one array parameter and are joined
/// back row by row with <c>unnest</c>, so a page of a thousand rows is one round trip and one plan, where EF's batch
/// sends a statement per row (and the server runs each on its own). Values are stored exactly as EF stores them
/// (through the properties' converters, cast to the column's type).
/// </summary>
public static class ArrayUpdates
{
    /// <summary>
    /// Sets <paramref name="written"/> of each row matched by <paramref name="matchedBy"/> (its key, and its
    /// concurrency tokens as read), inside the current transaction; each row gives the written values first, then the
    /// matching ones, in that order. Returns the number of rows matched.
    /// </summary>
    public static async Task<int> UpdateAsync(AutoFinanceDbContext db, IReadOnlyList<IProperty> written, IReadOnlyList<IProperty> matchedBy, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return 0;
        }

        await using var command = Command(db, written, matchedBy, rows, returning: false);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="UpdateAsync"/>, returning the first matching value (the key) of each row matched, so the caller knows
    /// which rows were updated, not only how many. The key is read as stored (a property without a converter).
    /// </summary>
    public static async Task<List<TKey>> UpdateReturningKeysAsync<TKey>(AutoFinanceDbContext db, IReadOnlyList<IProperty> written, IReadOnlyList<IProperty> matchedBy, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var keys = new List<TKey>(rows.Count);
        if (rows.Count == 0)
        {
            return keys;
        }

        await using var command = Command(db, written, matchedBy, rows, returning: true);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            keys.Add(reader.GetFieldValue<TKey>(0));
        }

        return keys;
    }

    private static NpgsqlCommand Command(AutoFinanceDbContext db, IReadOnlyList<IProperty> written, IReadOnlyList<IProperty> matchedBy, IReadOnlyList<object?[]> rows, bool returning)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(matchedBy);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("array updates run inside a transaction");
        var columns = written.Concat(matchedBy).ToArray();
        var entity = columns[0].DeclaringType.ContainingEntityType;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        var sql = new StringBuilder("UPDATE \"").Append(table.Name).Append("\" AS t SET ");
        for (var c = 0; c < written.Count; c++)
        {
            sql.Append(c == 0 ? string.Empty : ", ").Append('"').Append(written[c].GetColumnName(table)).Append("\" = v.c").Append(c);
        }

        sql.Append(" FROM unnest(");
        for (var c = 0; c < columns.Length; c++)
        {
            var mapping = (RelationalTypeMapping)columns[c].GetRelationalTypeMapping();
            sql.Append(c == 0 ? string.Empty : ", ").Append("@c").Append(c).Append("::").Append(mapping.StoreType).Append("[]");
            command.Parameters.Add(new NpgsqlParameter($"c{c}", Column(columns[c], mapping, rows, c)));
        }

        sql.Append(") AS v(").AppendJoin(", ", Enumerable.Range(0, columns.Length).Select(c => $"c{c}")).Append(") WHERE ");
        for (var m = 0; m < matchedBy.Count; m++)
        {
            sql.Append(m == 0 ? string.Empty : " AND ").Append("t.\"").Append(matchedBy[m].GetColumnName(table)).Append("\" = v.c").Append(written.Count + m);
        }

        // The keys once more as a condition on the table itself: joined only to the unnested rows, the planner may hash
        // the whole table (it did for loans at a hundred thousand, scanning every row for each chunk of a thousand);
        // with the keys it reads just the rows named, by the key's index.
        var key = written.Count;
        sql.Append(" AND t.\"").Append(matchedBy[0].GetColumnName(table)).Append("\" = ANY(@c").Append(key).Append("::")
            .Append(((RelationalTypeMapping)columns[key].GetRelationalTypeMapping()).StoreType).Append("[])");

        if (returning)
        {
            sql.Append(" RETURNING t.\"").Append(matchedBy[0].GetColumnName(table)).Append('"');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>One column's values as a typed array of what the column stores (null elements where the row has none).</summary>
    private static Array Column(IProperty property, RelationalTypeMapping mapping, IReadOnlyList<object?[]> rows, int column)
    {
        var type = mapping.Converter?.ProviderClrType ?? property.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        var values = Array.CreateInstance(type.IsValueType && property.IsNullable ? typeof(Nullable<>).MakeGenericType(type) : type, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var value = rows[r][column];
            if (value is not null && mapping.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            values.SetValue(value, r);
        }

        return values;
    }
}
