using System.Collections;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// A group commit's new and changed rows stored on SQLite through statements on the connection's native handle (one
/// per table, and per set of changed columns, kept on the connection from batch to batch by
/// <see cref="SqliteStatementReuse"/>), each row only bound and stepped, as the
/// end-of-day stores its rows (<see cref="SqliteRowInserts"/>, <see cref="PreparedUpdates"/>). Through EF each row
/// was a statement built, parsed by SQLite and run anew, with EF's change tracking around it: a fifth of a successful
/// payment callback's processor time. Values are stored as EF stores them (the same type mappings and converters).
/// New rows go in the order their foreign keys need, then the updates, each matched by its key and its concurrency
/// tokens as read: a row changed or gone meanwhile fails the write as EF's concurrency check does
/// (<see cref="DbUpdateConcurrencyException"/>), a broken constraint as EF's <see cref="DbUpdateException"/> over
/// SQLite's error. A key the database generates is left to it and not read back (the writer's rows were handed over).
/// Changes holding a row this would not store as EF does (a key EF would generate, a row reached through a
/// navigation the write lacks, an entity with shadow or generated columns or a column type not bound here) are left
/// to EF whole.
/// </summary>
internal static class SqliteChangeWrites
{
    private const string SaveFailed = "An error occurred while saving the entity changes. See the inner exception for details.";

    /// <summary>Each entity's table as this stores it, or null when EF must; built once per model's entity.</summary>
    private static readonly ConcurrentDictionary<IEntityType, Table?> Tables = new();

    /// <summary>
    /// Stores the changes inside the connection's current transaction. False, having written nothing, when the
    /// connection is not SQLite's or some change is one EF must store.
    /// </summary>
    public static bool TryStore(AutoFinanceDbContext db, IReadOnlyList<GroupCommit.Change> changes)
    {
        if (db.Database.CurrentTransaction is null || db.Database.GetDbConnection() is not SqliteConnection { Handle: { } handle })
        {
            return false;
        }

        var inserted = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var change in changes)
        {
            if (change.State == EntityState.Added)
            {
                inserted.Add(change.Entity);
            }
        }

        var added = new Dictionary<Table, List<object>>();
        var updated = new Dictionary<(Table Table, ulong Written), List<GroupCommit.Change>>();
        foreach (var change in changes)
        {
            if (db.Model.FindEntityType(change.Entity.GetType()) is not { } entity || Tables.GetOrAdd(entity, Table.For) is not { } table)
            {
                return false;
            }

            if (change.State == EntityState.Added)
            {
                if (!table.Insertable(change.Entity, inserted))
                {
                    return false;
                }

                if (!added.TryGetValue(table, out var rows))
                {
                    added[table] = rows = [];
                }

                rows.Add(change.Entity);
            }
            else if (change.State == EntityState.Modified && table.Written(change.Modified) is { } written)
            {
                if (written == 0)
                {
                    continue;
                }

                if (!updated.TryGetValue((table, written), out var rows))
                {
                    updated[(table, written)] = rows = [];
                }

                rows.Add(change);
            }
            else
            {
                return false;
            }
        }

        if (InsertOrder(added.Keys) is not { } order)
        {
            return false;
        }

        try
        {
            foreach (var table in order)
            {
                table.Insert(handle, added[table]);
            }

            foreach (var ((table, written), rows) in updated)
            {
                table.Update(handle, written, rows);
            }
        }
        catch (SqliteException e)
        {
            throw new DbUpdateException(SaveFailed, e);
        }

        return true;
    }

    /// <summary>The tables with a principal's before its dependents'; null when their keys reference each other in a cycle.</summary>
    private static List<Table>? InsertOrder(IEnumerable<Table> tables)
    {
        var left = tables.ToList();
        var order = new List<Table>(left.Count);
        while (left.Count > 0)
        {
            var next = left.Find(t => !t.Principals.Any(p => left.Exists(other => other != t && other.Entity == p)));
            if (next is null)
            {
                return null;
            }

            order.Add(next);
            left.Remove(next);
        }

        return order;
    }

    /// <summary>An entity's table: its columns with their binders, key, concurrency tokens and the navigations a new row is checked by.</summary>
    private sealed class Table
    {
        private readonly string _name;
        private readonly IProperty[] _properties;
        private readonly IClrPropertyGetter[] _getters;
        private readonly RelationalTypeMapping[] _mappings;
        private readonly Func<sqlite3_stmt, int, object, int>[] _binders;
        private readonly string[] _columns;

        /// <summary>The properties a new row writes: all but a key the database generates.</summary>
        private readonly int[] _inserted;

        /// <summary>The properties an update matches its row by: the key and the concurrency tokens.</summary>
        private readonly int[] _matchedBy;

        /// <summary>A key the database generates (left out of a new row, which must not set it).</summary>
        private readonly int? _storeKey;

        /// <summary>A key EF generates on the client when a new row leaves it unset (such a row is left to EF).</summary>
        private readonly int? _clientKey;

        private readonly Dictionary<string, int> _byName;
        private readonly (IClrPropertyGetter Getter, INavigation Navigation)[] _navigations;
        private readonly byte[] _insert;

        private Table(IEntityType entity, string name, IProperty[] properties, string[] columns, Func<sqlite3_stmt, int, object, int>[] binders, int? storeKey, int? clientKey)
        {
            Entity = entity;
            _name = name;
            _properties = properties;
            _columns = columns;
            _binders = binders;
            _storeKey = storeKey;
            _clientKey = clientKey;
            _getters = [.. properties.Select(p => p.GetGetter())];
            _mappings = [.. properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping())];
            _inserted = [.. Enumerable.Range(0, properties.Length).Where(i => i != storeKey)];
            _matchedBy = [.. Enumerable.Range(0, properties.Length).Where(i => properties[i].IsPrimaryKey() || properties[i].IsConcurrencyToken)];
            _byName = properties.Select((p, i) => (p.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
            _navigations = [.. entity.GetNavigations().Select(n => (n.GetGetter(), n))];
            Principals = [.. entity.GetForeignKeys().Select(f => f.PrincipalEntityType).Distinct()];
            _insert = Encoding.UTF8.GetBytes($"INSERT INTO \"{name}\" ({string.Join(", ", _inserted.Select(i => $"\"{columns[i]}\""))}) VALUES ({string.Join(", ", _inserted.Select((_, n) => $"?{n + 1}"))})");
        }

        public IEntityType Entity { get; }

        /// <summary>The entities this one's foreign keys reference.</summary>
        public IEntityType[] Principals { get; }

        /// <summary>The entity's table, or null when its rows are EF's to store.</summary>
        public static Table? For(IEntityType entity)
        {
            if (entity.BaseType is not null || entity.GetDirectlyDerivedTypes().Any() || entity.IsOwned() || entity.GetComplexProperties().Any()
                || entity.GetSkipNavigations().Any() || entity.FindPrimaryKey() is not { } key || entity.GetTableName() is not { } name
                || entity.GetForeignKeys().Any(f => f.PrincipalEntityType == entity))
            {
                return null;
            }

            var table = StoreObjectIdentifier.Table(name, entity.GetSchema());
            IProperty[] properties = [.. entity.GetProperties()];
            if (properties.Length > 64)
            {
                return null;
            }

            var binders = new Func<sqlite3_stmt, int, object, int>[properties.Length];
            int? storeKey = null;
            int? clientKey = null;
            for (var i = 0; i < properties.Length; i++)
            {
                var property = properties[i];
                if (property.IsShadowProperty() || property.GetColumnName(table) is null
                    || SqliteRowInserts.BinderFor((RelationalTypeMapping)property.GetRelationalTypeMapping()) is not { } binder)
                {
                    return null;
                }

                binders[i] = binder;
                if (property.ValueGenerated == ValueGenerated.Never)
                {
                    continue;
                }

                // Only a single key may be generated: a whole number by the database, a Guid by EF when left unset.
                if (key.Properties.Count != 1 || key.Properties[0] != property || property.ValueGenerated != ValueGenerated.OnAdd)
                {
                    return null;
                }

                if (property.ClrType == typeof(long) || property.ClrType == typeof(int))
                {
                    storeKey = i;
                }
                else if (property.ClrType == typeof(Guid))
                {
                    clientKey = i;
                }
                else
                {
                    return null;
                }
            }

            return new Table(entity, name, properties, [.. properties.Select(p => p.GetColumnName(table)!)], binders, storeKey, clientKey);
        }

        /// <summary>
        /// Whether the new row is one this stores as EF would: it sets no key the database generates, leaves no key
        /// for EF to generate, and every row its navigations reach is new in the same write with matching keys.
        /// </summary>
        public bool Insertable(object row, HashSet<object> inserted)
        {
            if ((_storeKey is { } store && !_getters[store].HasSentinelValue(row)) || (_clientKey is { } client && _getters[client].HasSentinelValue(row)))
            {
                return false;
            }

            foreach (var (getter, navigation) in _navigations)
            {
                var value = getter.GetClrValue(row);
                if (value is null)
                {
                    continue;
                }

                foreach (var other in navigation.IsCollection ? (IEnumerable)value : new[] { value })
                {
                    if (!inserted.Contains(other) || !Matches(navigation.ForeignKey, navigation.IsOnDependent ? row : other, navigation.IsOnDependent ? other : row))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>The columns an update writes, one bit each (0 for none); null when it would change the key.</summary>
        public ulong? Written(IReadOnlyList<(string Name, object? Original)> modified)
        {
            var written = 0UL;
            foreach (var (name, _) in modified)
            {
                if (!_byName.TryGetValue(name, out var i) || _properties[i].IsPrimaryKey())
                {
                    return null;
                }

                written |= 1UL << i;
            }

            return written;
        }

        public void Insert(sqlite3 handle, List<object> rows)
        {
            SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(handle, _insert, out var statement), handle);
            using (statement)
            {
                foreach (var row in rows)
                {
                    for (var n = 0; n < _inserted.Length; n++)
                    {
                        Bind(handle, statement, n + 1, _inserted[n], _getters[_inserted[n]].GetClrValue(row));
                    }

                    Step(handle, statement);
                }
            }
        }

        /// <summary>Updates each row's written columns, matched by its key and its concurrency tokens as read.</summary>
        public void Update(sqlite3 handle, ulong written, List<GroupCommit.Change> rows)
        {
            int[] set = [.. Enumerable.Range(0, _properties.Length).Where(i => (written & (1UL << i)) != 0)];
            var sql = new StringBuilder("UPDATE \"").Append(_name).Append("\" SET ");
            for (var n = 0; n < set.Length + _matchedBy.Length; n++)
            {
                var column = _columns[n < set.Length ? set[n] : _matchedBy[n - set.Length]];
                sql.Append(n == 0 ? string.Empty : n == set.Length ? " WHERE " : n < set.Length ? ", " : " AND ")
                    .Append('"').Append(column).Append("\" = ?").Append(n + 1);
            }

            SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(handle, Encoding.UTF8.GetBytes(sql.ToString()), out var statement), handle);
            using (statement)
            {
                foreach (var change in rows)
                {
                    for (var n = 0; n < set.Length; n++)
                    {
                        Bind(handle, statement, n + 1, set[n], _getters[set[n]].GetClrValue(change.Entity));
                    }

                    for (var m = 0; m < _matchedBy.Length; m++)
                    {
                        var i = _matchedBy[m];
                        var value = (written & (1UL << i)) != 0 ? Original(change.Modified, _properties[i].Name) : _getters[i].GetClrValue(change.Entity);
                        Bind(handle, statement, set.Length + m + 1, i, value);
                    }

                    Step(handle, statement);
                    var changed = raw.sqlite3_changes(handle);
                    if (changed != 1)
                    {
                        throw new DbUpdateConcurrencyException(
                            $"The database operation was expected to affect 1 row(s), but actually affected {changed} row(s); data may have been modified or deleted since entities were loaded.");
                    }
                }
            }
        }

        private static object? Original(IReadOnlyList<(string Name, object? Original)> modified, string name)
        {
            foreach (var (changed, original) in modified)
            {
                if (changed == name)
                {
                    return original;
                }
            }

            throw new InvalidOperationException($"{name} was not changed");
        }

        /// <summary>Binds the property's value as Microsoft.Data.Sqlite would (after the property's converter).</summary>
        private void Bind(sqlite3 handle, sqlite3_stmt statement, int position, int property, object? value)
        {
            if (value is not null && _mappings[property].Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            SqliteException.ThrowExceptionForRC(value is null ? raw.sqlite3_bind_null(statement, position) : _binders[property](statement, position, value), handle);
        }

        private static void Step(sqlite3 handle, sqlite3_stmt statement)
        {
            var stepped = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (stepped != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(stepped, handle);
            }
        }

        /// <summary>Whether the dependent's foreign key holds the principal's key.</summary>
        private static bool Matches(IForeignKey key, object dependent, object principal)
        {
            for (var i = 0; i < key.Properties.Count; i++)
            {
                if (!Equals(key.Properties[i].GetGetter().GetClrValue(dependent), key.PrincipalKey.Properties[i].GetGetter().GetClrValue(principal)))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
