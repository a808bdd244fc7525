using System.Globalization;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Web.Security;

/// <summary>
/// A list call asking for page 0 or below, or for pages of 0 rows or fewer (<c>page</c>, <c>pageSize</c>,
/// <c>limit</c>), is refused naming the parameter (<c>list.page.invalid</c>) instead of being answered the first page
/// as if it had asked for it. A size above a list's largest page is still answered that largest page, as documented.
/// </summary>
public sealed class ApiPageBounds(RequestDelegate next)
{
    public const string Code = "list.page.invalid";

    private static readonly string[] Names = ["page", "pageSize", "limit"];

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || !request.Path.StartsWithSegments("/api") || request.Query.Count == 0)
        {
            return next(context);
        }

        var problems = Names
            .Where(name => request.Query.TryGetValue(name, out var values) && values.Any(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n < 1))
            .Select(name => new FieldError(name, "must be 1 or more", Code, FieldProblems.Figures(("min", "1"))))
            .ToList();
        return problems.Count == 0 ? next(context) : Api.Problems.Validation(problems).ExecuteAsync(context);
    }
}
