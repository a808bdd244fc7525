using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// Rows read without tracking, kept with the values they were read with, so that after an operation only the rows it
/// changed are written, and only their changed columns. On a page of thousands of rows EF's change tracker (a snapshot
/// per row, every tracked row scanned on each DetectChanges, each row moved through its states) cost more than the
/// operation itself. The changed rows are written inside the current transaction, each matched by its key and its
/// concurrency tokens as read: on SQLite by one prepared UPDATE per set of changed columns, rebound per row; on
/// PostgreSQL by one statement per set of changed columns taking all its rows as arrays (<see cref="ArrayUpdates"/>).
/// </summary>
public sealed class UntrackedRows<T>
    where T : class
{
    /// <summary>Each mapped entity's compiled copy and comparison, built once per process.</summary>
    private static readonly ConcurrentDictionary<IEntityType, Shape> Shapes = new();

    private readonly IProperty[] _properties;
    private readonly IClrPropertyGetter[] _getters;
    private readonly Shape _shape;
    private readonly List<(T Row, T Read)> _rows = [];

    public UntrackedRows(AutoFinanceDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        _shape = Shapes.GetOrAdd(entity, e => new Shape(e));
        _properties = _shape.Properties;
        _getters = [.. _properties.Select(p => p.GetGetter())];
    }

    /// <summary>
    /// Keeps the row's values as they are now, before the operation changes it: a shallow copy of the row (its columns
    /// are values and strings), one object where a boxed value per column cost a page of instalments millions of them.
    /// </summary>
    public void Keep(T row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _rows.Add((row, _shape.Copy(row)));
    }

    public void KeepAll(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            Keep(row);
        }
    }

    /// <summary>
    /// Writes the rows the operation changed. False when one of them was changed or removed meanwhile (its match by
    /// key and concurrency tokens found nothing); the caller then rolls its transaction back.
    /// </summary>
    public async Task<bool> SaveChangedAsync(AutoFinanceDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var changed = new Dictionary<ulong, List<(T Row, T Read)>>();
        foreach (var (row, read, mask) in Changed())
        {
            if (!changed.TryGetValue(mask, out var rows))
            {
                changed[mask] = rows = [];
            }

            rows.Add((row, read));
        }

        var matchedBy = Enumerable.Range(0, _properties.Length).Where(i => _properties[i].IsPrimaryKey() || _properties[i].IsConcurrencyToken).ToArray();
        if (!db.Database.IsSqlite())
        {
            foreach (var (mask, rows) in changed)
            {
                var written = Columns(mask);
                var values = rows.Select(kept => (object?[])[.. written.Select(i => _getters[i].GetClrValue(kept.Row)), .. matchedBy.Select(i => _getters[i].GetClrValue(kept.Read))]).ToList();
                if (await ArrayUpdates.UpdateAsync(db, [.. written.Select(i => _properties[i])], [.. matchedBy.Select(i => _properties[i])], values, ct).ConfigureAwait(false) != rows.Count)
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var (mask, rows) in changed)
        {
            var written = Columns(mask);
            using var update = PreparedUpdates.Prepare(db, [.. written.Select(i => _properties[i])], [.. matchedBy.Select(i => _properties[i])]);
            foreach (var (row, read) in rows)
            {
                for (var c = 0; c < written.Length; c++)
                {
                    update.Bind(c, _getters[written[c]].GetClrValue(row));
                }

                for (var m = 0; m < matchedBy.Length; m++)
                {
                    update.Bind(written.Length + m, _getters[matchedBy[m]].GetClrValue(read));
                }

                if (update.Run() != 1)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Hands the rows the operation changed to the context's change tracker instead, for a save through EF (a group
    /// commit takes the context's changes): each as modified in its changed columns only, with the values it was read
    /// with as the originals. A row the context tracks already (one the operation removed) is left as the context has it.
    /// </summary>
    public void TrackChanged(AutoFinanceDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var (row, read, mask) in Changed())
        {
            var entry = db.Entry(row);
            if (entry.State != EntityState.Detached)
            {
                continue;
            }

            entry.State = EntityState.Unchanged;
            foreach (var i in Columns(mask))
            {
                var property = entry.Property(_properties[i]);
                property.OriginalValue = _getters[i].GetClrValue(read);
                property.IsModified = true;
            }
        }
    }

    /// <summary>
    /// Leaves the rows the operation changed to a write its caller stores (<see cref="DeferredWrite"/>) instead, with
    /// no change tracker involved: each an update of its changed columns, with the values it was read with.
    /// </summary>
    public void DeferChanged(DeferredWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        foreach (var (row, read, mask) in Changed())
        {
            write.Update(row, [.. Columns(mask).Select(i => (_properties[i].Name, _getters[i].GetClrValue(read)))]);
        }
    }

    /// <summary>The kept rows the operation changed, each with one bit per changed column.</summary>
    private IEnumerable<(T Row, T Read, ulong Mask)> Changed()
    {
        foreach (var (row, read) in _rows)
        {
            var mask = _shape.Changed(read, row);
            if (mask != 0)
            {
                yield return (row, read, mask);
            }
        }
    }

    /// <summary>The columns a change mask names, in the entity's order.</summary>
    private int[] Columns(ulong mask) => [.. Enumerable.Range(0, _properties.Length).Where(i => (mask & (1UL << i)) != 0)];

    /// <summary>An entity's mapped columns, a shallow copy of its row, and which columns differ between two rows.</summary>
    private sealed class Shape
    {
        private static readonly MethodInfo ShallowCopy = typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

        public Shape(IEntityType entity)
        {
            Properties = [.. entity.GetProperties().Where(p => p.PropertyInfo is not null)];
            if (Properties.Length > 64)
            {
                throw new InvalidOperationException($"{typeof(T).Name} has more columns than a change mask holds");
            }

            var row = Expression.Parameter(typeof(T), "row");
            Copy = Expression.Lambda<Func<T, T>>(Expression.Convert(Expression.Call(row, ShallowCopy), typeof(T)), row).Compile();
            Changed = ChangedColumns();
        }

        public IProperty[] Properties { get; }

        public Func<T, T> Copy { get; }

        /// <summary>One bit per column whose value differs (by the column's value comparer) between the row as read and as it is now; keys are never written.</summary>
        public Func<T, T, ulong> Changed { get; }

        private Func<T, T, ulong> ChangedColumns()
        {
            var read = Expression.Parameter(typeof(T), "read");
            var now = Expression.Parameter(typeof(T), "now");
            Expression mask = Expression.Constant(0UL);
            for (var i = 0; i < Properties.Length; i++)
            {
                var property = Properties[i];
                if (property.IsPrimaryKey())
                {
                    continue;
                }

                var (before, after) = (Expression.Property(read, property.PropertyInfo!), Expression.Property(now, property.PropertyInfo!));
                var comparer = property.GetValueComparer();
                var equal = comparer.Type == property.ClrType
                    ? comparer.ExtractEqualsBody(before, after)
                    : Expression.Call(typeof(object).GetMethod(nameof(Equals), BindingFlags.Public | BindingFlags.Static)!, Expression.Convert(before, typeof(object)), Expression.Convert(after, typeof(object)));
                mask = Expression.Or(mask, Expression.Condition(equal, Expression.Constant(0UL), Expression.Constant(1UL << i)));
            }

            return Expression.Lambda<Func<T, T, ulong>>(mask, read, now).Compile();
        }
    }
}
