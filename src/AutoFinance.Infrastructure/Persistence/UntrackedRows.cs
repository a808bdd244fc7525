using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
    private readonly IProperty[] _properties;
    private readonly IClrPropertyGetter[] _getters;
    private readonly ValueComparer[] _comparers;
    private readonly List<(T Row, object?[] Read)> _rows = [];

    public UntrackedRows(AutoFinanceDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        _properties = [.. entity.GetProperties().Where(p => p.PropertyInfo is not null)];
        if (_properties.Length > 64)
        {
            throw new InvalidOperationException($"{typeof(T).Name} has more columns than a change mask holds");
        }

        _getters = [.. _properties.Select(p => p.GetGetter())];
        _comparers = [.. _properties.Select(p => p.GetValueComparer())];
    }

    /// <summary>Keeps the row's values as they are now, before the operation changes it.</summary>
    public void Keep(T row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var read = new object?[_properties.Length];
        for (var i = 0; i < read.Length; i++)
        {
            read[i] = _getters[i].GetClrValue(row);
        }

        _rows.Add((row, read));
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
        var changed = new Dictionary<ulong, List<(T Row, object?[] Read)>>();
        foreach (var kept in _rows)
        {
            var mask = ChangedColumns(kept.Row, kept.Read);
            if (mask != 0)
            {
                if (!changed.TryGetValue(mask, out var rows))
                {
                    changed[mask] = rows = [];
                }

                rows.Add(kept);
            }
        }

        var matchedBy = Enumerable.Range(0, _properties.Length).Where(i => _properties[i].IsPrimaryKey() || _properties[i].IsConcurrencyToken).ToArray();
        if (!db.Database.IsSqlite())
        {
            foreach (var (mask, rows) in changed)
            {
                var written = Enumerable.Range(0, _properties.Length).Where(i => (mask & (1UL << i)) != 0).ToArray();
                var values = rows.Select(kept => (object?[])[.. written.Select(i => _getters[i].GetClrValue(kept.Row)), .. matchedBy.Select(i => kept.Read[i])]).ToList();
                if (await ArrayUpdates.UpdateAsync(db, [.. written.Select(i => _properties[i])], [.. matchedBy.Select(i => _properties[i])], values, ct).ConfigureAwait(false) != rows.Count)
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var (mask, rows) in changed)
        {
            var written = Enumerable.Range(0, _properties.Length).Where(i => (mask & (1UL << i)) != 0).ToArray();
            await using var command = await PreparedUpdates.PrepareAsync(db, [.. written.Select(i => _properties[i])], [.. matchedBy.Select(i => _properties[i])], ct).ConfigureAwait(false);
            foreach (var (row, read) in rows)
            {
                for (var c = 0; c < written.Length; c++)
                {
                    command.Parameters[c].Value = PreparedUpdates.ProviderValue(_properties[written[c]], _getters[written[c]].GetClrValue(row));
                }

                for (var m = 0; m < matchedBy.Length; m++)
                {
                    command.Parameters[written.Length + m].Value = PreparedUpdates.ProviderValue(_properties[matchedBy[m]], read[matchedBy[m]]);
                }

                if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>One bit per column whose value differs from the one read (keys are never written).</summary>
    private ulong ChangedColumns(T row, object?[] read)
    {
        var mask = 0UL;
        for (var i = 0; i < _properties.Length; i++)
        {
            if (!_properties[i].IsPrimaryKey() && !_comparers[i].Equals(read[i], _getters[i].GetClrValue(row)))
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }
}
