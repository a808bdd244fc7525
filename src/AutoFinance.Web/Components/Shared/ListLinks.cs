using System.Globalization;
using AutoFinance.Infrastructure.Search;
using Microsoft.AspNetCore.Http;

namespace AutoFinance.Web.Components.Shared;

/// <summary>
/// A back-office list page's ask read from its address (the same parameters as the list's API: sort, status, from,
/// to, q, page), and the addresses of the same list in another order, filter or page. A sort key, status word or date
/// the list does not know is ignored here (the API refuses it as a problem).
/// </summary>
public static class ListLinks
{
    public static ListAsk Read<T>(HttpContext? http, ListShape<T> shape, int pageSize, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(shape);
        var query = http?.Request.Query;
        string? Get(string key) => query is not null && query.TryGetValue(prefix + key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        DateOnly? Day(string key) => DateOnly.TryParseExact(Get(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var status = Get("status") is { } s && shape.Statuses.Contains(s) ? s : null;
        var page = int.TryParse(Get("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, ListPage<T>.MaxPage) : 1;
        return new ListAsk(shape.SortOrDefault(Get("sort")), status, shape.FiltersByDate ? Day("from") : null, shape.FiltersByDate ? Day("to") : null,
            shape.FiltersByText ? Get("q") : null, page, pageSize);
    }

    /// <summary>The query string of an ask (without its page unless given), with any of the page's own parameters kept.</summary>
    public static string Query(ListAsk ask, int? page = null, IReadOnlyDictionary<string, string?>? keep = null, string prefix = "") =>
        QueryString.Create(Parameters(ask, page, prefix).Concat(keep ?? new Dictionary<string, string?>()).Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    /// <summary>An ask as query parameters (names after <paramref name="prefix"/>, for a page with two lists), its page included.</summary>
    public static Dictionary<string, string?> Parameters(ListAsk ask, int? page = null, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(ask);
        return new Dictionary<string, string?>
        {
            [prefix + "sort"] = ask.Sort,
            [prefix + "status"] = ask.Status,
            [prefix + "from"] = ask.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [prefix + "to"] = ask.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [prefix + "q"] = ask.Text,
            [prefix + "page"] = page?.ToString(CultureInfo.InvariantCulture),
        };
    }
}
