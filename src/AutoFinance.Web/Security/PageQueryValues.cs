using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.Extensions;

namespace AutoFinance.Web.Security;

/// <summary>
/// A page's address value that does not parse into the page's parameter (<c>/loans?page=abc</c> for an
/// <c>int?</c>, <c>/calculator?price=1e30</c> for a <c>decimal?</c>) is left out before the page renders, so the
/// page shows as without it. Blazor's own binding throws on such a value, which answered the reader with a server
/// error. Values are parsed as Blazor parses them (invariant culture).
/// </summary>
public sealed class PageQueryValues(RequestDelegate next)
{
    /// <summary>Each page component's query parameters that parse: name and parser.</summary>
    private static readonly ConcurrentDictionary<Type, (string Name, Func<string, bool> Parses)[]> Parameters = new();

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        if (query.Count > 0 && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is { } page)
        {
            var unparsed = Parameters.GetOrAdd(page.Type, Of)
                .Where(p => query.TryGetValue(p.Name, out var value) && value.Any(v => !string.IsNullOrEmpty(v) && !p.Parses(v)))
                .Select(p => p.Name)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (unparsed.Count > 0)
            {
                var kept = new QueryBuilder(query.Where(q => !unparsed.Contains(q.Key)).SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))));
                context.Request.QueryString = kept.ToQueryString();
            }
        }

        return next(context);
    }

    private static (string Name, Func<string, bool> Parses)[] Of(Type component)
    {
        var found = new List<(string, Func<string, bool>)>();
        for (var type = component; type is not null && type != typeof(ComponentBase); type = type.BaseType)
        {
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } attribute
                    && UnparsedQueryValues.Parser(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) is { } parses
                    && property.PropertyType != typeof(string))
                {
                    found.Add((attribute.Name ?? property.Name, parses));
                }
            }
        }

        return [.. found];
    }
}
