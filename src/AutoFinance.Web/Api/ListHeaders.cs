using AutoFinance.Infrastructure.Search;

namespace AutoFinance.Web.Api;

/// <summary>A paged list's answer: the page's rows as the body, and how many there are in all in X-Total-Count (with X-Page and X-Page-Size).</summary>
public static class ListHeaders
{
    public static IResult Page<T>(HttpContext http, ListPage<T> page)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(page);
        http.Response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["X-Page"] = page.Page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["X-Page-Size"] = page.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Ok(page.Items);
    }

    /// <summary>A CSV field, guarded as every export guards it (<see cref="ListShape{T}.CsvField"/>).</summary>
    public static string Csv(string? value) => ListShape<object>.CsvField(value);
}
