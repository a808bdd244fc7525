using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// Writes the tracked, modified rows of one entity type on SQLite with one prepared UPDATE per distinct set of
/// modified columns, each row matched by its key and its concurrency tokens' original values, inside the current
/// transaction. EF sends a page of a thousand updates as one command of a thousand statements, and SQLite compiles
/// every one of them on every page; a prepared statement is compiled once per set of columns and only rebound. On
/// PostgreSQL, EF's batching (one round trip for the page) is already the faster way, so rows are left to it there.
/// </summary>
public static class PreparedUpdates
{
    /// <summary>
    /// Writes the modified rows of <typeparamref name="T"/> and marks them unchanged, so that SaveChanges skips them.
    /// False when a row was changed or removed meanwhile (its concurrency check matched nothing); the caller then
    /// rolls its transaction back.
    /// </summary>
    public static async Task<bool> SaveModifiedAsync<T>(AutoFinanceDbContext db, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return true;
        }

        var modified = db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Modified).ToList();
        if (modified.Count == 0)
        {
            return true;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var matchedBy = entity.FindPrimaryKey()!.Properties.Concat(entity.GetProperties().Where(p => p.IsConcurrencyToken)).ToArray();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("prepared updates run inside a transaction");
        foreach (var sameColumns in modified.GroupBy(ModifiedColumns, StringComparer.Ordinal))
        {
            var written = sameColumns.First().Properties.Where(p => p.IsModified && !p.Metadata.IsPrimaryKey()).Select(p => p.Metadata).ToArray();
            await using var command = await PrepareAsync(connection, transaction, table, written, matchedBy, ct).ConfigureAwait(false);
            foreach (var entry in sameColumns)
            {
                for (var c = 0; c < written.Length; c++)
                {
                    command.Parameters[c].Value = ProviderValue(written[c], entry.CurrentValues[written[c]]);
                }

                for (var m = 0; m < matchedBy.Length; m++)
                {
                    command.Parameters[written.Length + m].Value = ProviderValue(matchedBy[m], entry.OriginalValues[matchedBy[m]]);
                }

                if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                {
                    return false;
                }
            }
        }

        foreach (var entry in modified)
        {
            entry.State = EntityState.Unchanged;
        }

        return true;
    }

    private static string ModifiedColumns<T>(EntityEntry<T> entry)
        where T : class =>
        string.Join(',', entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name));

    private static async Task<DbCommand> PrepareAsync(
        DbConnection connection, DbTransaction transaction, StoreObjectIdentifier table, IProperty[] written, IProperty[] matchedBy, CancellationToken ct)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("UPDATE \"").Append(table.Name).Append("\" SET ");
        for (var c = 0; c < written.Length; c++)
        {
            var name = $"@s{c}";
            sql.Append(c == 0 ? string.Empty : ", ").Append('"').Append(written[c].GetColumnName(table)).Append("\" = ").Append(name);
            command.Parameters.Add(((RelationalTypeMapping)written[c].GetRelationalTypeMapping()).CreateParameter(command, name, null, nullable: true));
        }

        sql.Append(" WHERE ");
        for (var m = 0; m < matchedBy.Length; m++)
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
