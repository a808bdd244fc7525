using System.Runtime.CompilerServices;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Audit;

/// <summary>
/// Reads the audit log for a reader: filtered, counted and paged in the database (the log grows to millions of
/// entries, so nothing is read whole), newest first by the chain's order, and every search or export written to the
/// log itself, naming its filters, so reading the trail leaves a trail.
/// </summary>
public sealed class AuditSearch(AutoFinanceDbContext db, AccountNames names, TimeProvider time)
{
    public const string Searched = "audit.searched";
    public const string Exported = "audit.exported";

    private const int Batch = 1_000;
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>One page of the entries that match, newest first, with how many match in all.</summary>
    public async Task<ListPage<AuditEntryView>> PageAsync(AuditQuery query, int page, int size, CancellationToken ct)
    {
        var matching = await MatchingAsync(query, ct).ConfigureAwait(false);
        var total = await matching.CountAsync(ct).ConfigureAwait(false);
        var rows = await matching.OrderByDescending(e => e.Sequence).Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * size)).Take(size)
            .ToListAsync(ct).ConfigureAwait(false);
        return new ListPage<AuditEntryView>([.. rows.Select(AuditEntryView.Of)], page, size, total);
    }

    /// <summary>How many entries match.</summary>
    public async Task<int> CountAsync(AuditQuery query, CancellationToken ct) =>
        await (await MatchingAsync(query, ct).ConfigureAwait(false)).CountAsync(ct).ConfigureAwait(false);

    /// <summary>Every entry that matches, newest first, read a batch at a time from below the last one read (never all at once).</summary>
    public async IAsyncEnumerable<AuditEntryView> AllAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        var matching = await MatchingAsync(query, ct).ConfigureAwait(false);
        var below = long.MaxValue;
        while (true)
        {
            var after = below;
            var batch = await matching.Where(e => e.Sequence < after).OrderByDescending(e => e.Sequence).Take(Batch).ToListAsync(ct).ConfigureAwait(false);
            foreach (var row in batch)
            {
                yield return AuditEntryView.Of(row);
            }

            if (batch.Count < Batch)
            {
                yield break;
            }

            below = batch[^1].Sequence;
        }
    }

    /// <summary>Writes to the log that <paramref name="reader"/> searched or exported it (<see cref="Searched"/>, <see cref="Exported"/>), with the filters and how many entries matched.</summary>
    public Task RecordAsync(string reader, string action, AuditQuery query, int matched, int? page, int? pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = new { query.Actor, query.Action, query.EntityType, query.EntityId, From = query.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), To = query.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        object data = page is null ? new { Filters = filters, Rows = matched } : new { Filters = filters, Matched = matched, Page = page, PageSize = pageSize };
        return AuditLog.SaveWithAsync(db, [new AuditEvent(reader, action, "audit-log", "audit-log", data)], time.GetUtcNow(), ct);
    }

    private async Task<IQueryable<AuditEntryRow>> MatchingAsync(AuditQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var entries = db.AuditEntries.AsNoTracking();
        if (query.Actor is { Length: > 0 } actor)
        {
            var actors = await ActorsAsync(actor, ct).ConfigureAwait(false);
            entries = actors.Count == 1 ? entries.Where(e => e.Actor == actors[0]) : entries.Where(e => actors.Contains(e.Actor));
        }

        if (query.ActionPrefix is { } prefix)
        {
            entries = entries.Where(e => e.Action.StartsWith(prefix));
        }
        else if (query.Action is { Length: > 0 } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (query.EntityType is { Length: > 0 } type)
        {
            entries = entries.Where(e => e.EntityType == type);
        }

        if (query.EntityId is { Length: > 0 } id)
        {
            var ids = await EntityIdsAsync(id, ct).ConfigureAwait(false);
            entries = ids.Count == 1 ? entries.Where(e => e.EntityId == ids[0]) : entries.Where(e => ids.Contains(e.EntityId));
        }

        if (query.From is { } from)
        {
            var start = StartOf(from);
            entries = entries.Where(e => e.At >= start);
        }

        if (query.To is { } to)
        {
            var end = StartOf(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }

        return entries;
    }

    /// <summary>
    /// An audit name as it is written (<c>role:user-id</c>, a role, <c>dealer:…</c>, a process); a staff member's user
    /// name stands for that account in every staff role it may have acted in, since a role change changes its audit name.
    /// </summary>
    private async Task<List<string>> ActorsAsync(string actor, CancellationToken ct)
    {
        if (actor.Contains(':', StringComparison.Ordinal))
        {
            return [actor];
        }

        var hash = names.LookupHash(actor);
        var user = await db.Users.AsNoTracking().Where(u => u.UserNameHash == hash && Roles.Staff.Contains(u.Role)).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return user is { } id ? [actor, .. Roles.Staff.Select(role => $"{role}:{id}")] : [actor];
    }

    /// <summary>The id as given, and the loan or application it names when it is a loan number or an application reference.</summary>
    private async Task<List<string>> EntityIdsAsync(string id, CancellationToken ct)
    {
        var ids = new List<string> { id };
        if (await db.Loans.AsNoTracking().Where(l => l.Reference == id).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false) is { } loan)
        {
            ids.Add(loan.ToString());
        }

        if (await db.Applications.AsNoTracking().Where(a => a.Reference == id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false) is { } application)
        {
            ids.Add(application.ToString());
        }

        return ids;
    }

    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        // PostgreSQL takes an instant only in UTC.
        return new DateTimeOffset(local, China.GetUtcOffset(local)).ToUniversalTime();
    }
}
