using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// Prepared UPDATE statements for SQLite, where EF sends a page of a thousand updates as one command of a thousand
/// statements that SQLite compiles anew on every page: a prepared statement is compiled once per set of columns and
/// only rebound. Values are stored exactly as EF stores them (through the properties' converters).
/// </summary>
public static class PreparedUpdates
{
    /// <summary>
    /// An UPDATE of <paramref name="written"/> (parameters first, in that order) for the row matched by
    /// <paramref name="matchedBy"/> (parameters after them), prepared inside the current transaction.
    /// </summary>
    public static async Task<DbCommand> PrepareAsync(AutoFinanceDbContext db, IReadOnlyList<IProperty> written, IReadOnlyList<IProperty> matchedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(matchedBy);
        var entity = written.Concat(matchedBy).First().DeclaringType.ContainingEntityType;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("prepared updates run inside a transaction");
        var sql = new StringBuilder("UPDATE \"").Append(table.Name).Append("\" SET ");
        for (var c = 0; c < written.Count; c++)
        {
            var name = $"@s{c}";
            sql.Append(c == 0 ? string.Empty : ", ").Append('"').Append(written[c].GetColumnName(table)).Append("\" = ").Append(name);
            command.Parameters.Add(((RelationalTypeMapping)written[c].GetRelationalTypeMapping()).CreateParameter(command, name, null, nullable: true));
        }

        sql.Append(" WHERE ");
        for (var m = 0; m < matchedBy.Count; m++)
        {
            var name = $"@m{m}";
            sql.Append(m == 0 ? string.Empty : " AND ").Append('"').Append(matchedBy[m].GetColumnName(table)).Append("\" = ").Append(name);
            command.Parameters.Add(((RelationalTypeMapping)matchedBy[m].GetRelationalTypeMapping()).CreateParameter(command, name, null, nullable: true));
        }

        command.CommandText = sql.ToString();
        await command.PrepareAsync(ct).ConfigureAwait(false);
        return command;
    }

    /// <summary>A value as the column stores it (through the property's converter, e.g. a Guid as text on SQLite).</summary>
    internal static object ProviderValue(IProperty property, object? value)
    {
        if (value is not null && ((RelationalTypeMapping)property.GetRelationalTypeMapping()).Converter is { } converter)
        {
            value = converter.ConvertToProvider(value);
        }

        return value ?? DBNull.Value;
    }
}
