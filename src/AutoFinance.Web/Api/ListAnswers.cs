using System.Text;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Search;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>
/// Every back-office list answers through here: a page of the rows that match with the count of all of them in
/// X-Total-Count, or every matching row as CSV with one audit entry per export; a bad sort key, status word or date is a
/// 400 problem naming the field with a stable code.
/// </summary>
public static class ListAnswers
{
    public static async Task<IResult> PageAsync<T>(HttpContext http, ListShape<T> shape, ListQuery query, Func<ListAsk, Task<IEnumerable<T>>> rows, int defaultSize = 50)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(rows);
        var (ask, problems) = query.Read(defaultSize);
        if (problems.Concat(shape.Check(ask)).ToList() is { Count: > 0 } all)
        {
            return Problems.Validation(all);
        }

        return ListHeaders.Page(http, shape.Page(await rows(ask).ConfigureAwait(false), ask));
    }

    public static async Task<IResult> ExportAsync<T>(HttpContext http, ListShape<T> shape, ListQuery query, Func<ListAsk, Task<IEnumerable<T>>> rows, AutoFinanceDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(rows);
        var (ask, problems) = query.Read();
        ask = ask.Whole();
        if (problems.Concat(shape.Check(ask)).ToList() is { Count: > 0 } all)
        {
            return Problems.Validation(all);
        }

        var matched = shape.Apply(await rows(ask).ConfigureAwait(false), ask);
        return await AuditedCsvAsync(db, time, http.User.ToActor().AuditName, shape.Name, matched.Count, shape.Csv(matched), ct).ConfigureAwait(false);
    }

    /// <summary>The same problem as every list gives for a sort key it does not know, for the lists sorted in the database (loans, applications); null when the key is known.</summary>
    /// <summary>A 400 naming <c>status</c> (<c>list.status.unknown</c>) for a status word the list does not know; null for a known one or none.</summary>
    public static IResult? UnknownStatus(string? status, IReadOnlyList<string> statuses)
    {
        var shape = new ListShape<object>("list", "id").FilterByStatus(_ => null, [.. statuses]);
        return shape.Check(new ListAsk(Status: status)) is { Count: > 0 } problems ? Problems.Validation(problems) : null;
    }

    public static IResult? UnknownSort(string? sort, IReadOnlyList<string> sorts)
    {
        var shape = new ListShape<object>("list", sorts[0]);
        foreach (var key in sorts)
        {
            shape.SortBy(key, _ => null);
        }

        return shape.Check(new ListAsk(sort)) is { Count: > 0 } problems ? Problems.Validation(problems) : null;
    }

    /// <summary>The export's file, after the audit entry saying who took which list and how many rows it held.</summary>
    public static async Task<IResult> AuditedCsvAsync(AutoFinanceDbContext db, TimeProvider time, string actor, string list, int rows, string csv, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor, "list.exported", "list", list, new { Rows = rows })], now, ct).ConfigureAwait(false);
        return Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"{list}-{now.UtcDateTime:yyyyMMdd-HHmmss}.csv");
    }
}
