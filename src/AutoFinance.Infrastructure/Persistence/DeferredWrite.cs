using AutoFinance.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// What a unit of work leaves for its caller to store in one group-committed write (<see cref="GroupCommit"/>): new
/// rows and changed columns of rows read untracked, handed over as they are, with the audit events. A successful
/// payment callback's rows went through EF's change tracker before (each row added, a graph walked for the journal's
/// lines, every tracked row scanned for changes again at the save), which cost a fifth of the callback's processor
/// time; the rows are the same, and the group commit stores them as it stores tracked ones.
/// </summary>
public sealed class DeferredWrite
{
    private readonly List<GroupCommit.Change> _rows = [];

    public List<AuditEvent> Events { get; } = [];

    /// <summary>Whether something was left to store (every change a store leaves has its audit event).</summary>
    public bool IsEmpty => Events.Count == 0 && _rows.Count == 0;

    internal IReadOnlyList<GroupCommit.Change> Rows => _rows;

    public void Insert(object row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _rows.Add(new GroupCommit.Change(row, EntityState.Added, []));
    }

    public void InsertAll(IEnumerable<object> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            Insert(row);
        }
    }

    /// <summary>A new journal entry with its lines (the lines are rows of their own, written after it).</summary>
    public void InsertEntry(Servicing.JournalEntryRow entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Insert(entry);
        InsertAll(entry.Lines);
    }

    /// <summary>An update of the named columns of a row read untracked, each with the value it was read with.</summary>
    internal void Update(object row, IReadOnlyList<(string Name, object? Original)> modified) =>
        _rows.Add(new GroupCommit.Change(row, EntityState.Modified, modified));
}
