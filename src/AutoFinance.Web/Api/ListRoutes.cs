using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Search;

namespace AutoFinance.Web.Api;

/// <summary>
/// A back-office list's two routes, mapped the same way for every list: the paged list (<see cref="ListQuery"/>'s
/// parameters, X-Total-Count) and its audited CSV export. <c>rows</c> reads every row the caller may see; the shape
/// filters, sorts and pages them.
/// </summary>
public static class ListRoutes
{
    public delegate Task<IEnumerable<T>> RowReader<T>(HttpContext http, ListAsk ask, CancellationToken ct);

    public static RouteHandlerBuilder MapList<T>(this IEndpointRouteBuilder routes, string pattern, ListShape<T> shape, RowReader<T> rows, string summary, int defaultSize = 50)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return routes.MapGet(pattern, ([AsParameters] ListQuery query, HttpContext http, CancellationToken ct) =>
                ListAnswers.PageAsync(http, shape, query, ask => rows(http, ask, ct), defaultSize))
            .WithSummary($"{summary}; a page at a time (page, pageSize up to 500) with the count of all in X-Total-Count; {Parameters(shape)}")
            .Produces<IReadOnlyList<T>>().ProducesValidationProblem();
    }

    public static RouteHandlerBuilder MapListExport<T>(this IEndpointRouteBuilder routes, string pattern, ListShape<T> shape, RowReader<T> rows)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return routes.MapGet(pattern, ([AsParameters] ListQuery query, HttpContext http, AutoFinanceDbContext db, TimeProvider time, CancellationToken ct) =>
                ListAnswers.ExportAsync(http, shape, query, ask => rows(http, ask, ct), db, time, ct))
            .WithSummary($"Every row of the {shape.Name} list that matches, in its order, as CSV (the list's parameters); each export is audited")
            .Produces<string>(200, "text/csv").ProducesValidationProblem();
    }

    private static string Parameters<T>(ListShape<T> shape) =>
        $"sort={string.Join("|", shape.Sorts)} (minus for descending, default {shape.DefaultSort})"
        + (shape.Statuses.Count > 0 ? $", status={string.Join("|", shape.Statuses)}" : string.Empty)
        + (shape.FiltersByDate ? ", from/to=yyyy-MM-dd (Asia/Shanghai)" : string.Empty)
        + (shape.FiltersByText ? ", q=words" : string.Empty);
}
