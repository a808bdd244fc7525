using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;

namespace AutoFinance.Web.Security;

/// <summary>
/// Names the parameter of a query or route value the endpoint's compiled binder could not parse into its nullable
/// type (<c>?page=abc</c> for an <c>int?</c>). The binders the Request Delegate Generator writes at build time refuse
/// such a value with a bare 400 (for a non-nullable parameter they throw the exception
/// <see cref="BadRequestProblems"/> answers, naming it). This finds the value again from the endpoint's binding
/// metadata, parses it as the binder does (invariant culture), and answers the same problem: 400 naming the parameter,
/// with <c>field.invalid</c>.
/// </summary>
public sealed class UnparsedQueryValues(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<Type, Func<string, bool>?> Parsers = new();

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await next(context).ConfigureAwait(false);
        var response = context.Response;
        if (response.StatusCode != StatusCodes.Status400BadRequest || response.HasStarted || response.ContentLength is not null
            || !string.IsNullOrEmpty(response.ContentType) || context.GetEndpoint() is not { } endpoint)
        {
            return;
        }

        foreach (var binding in endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>())
        {
            if (!binding.HasTryParse || Nullable.GetUnderlyingType(binding.ParameterInfo.ParameterType) is not { } type
                || Value(context.Request, binding.Name) is not { Length: > 0 } value || Parser(type) is not { } parses || parses(value))
            {
                continue;
            }

            await BadRequestProblems.Unparsed(binding.Name, value, type).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }
    }

    /// <summary>The route's value of that name, else the query's, as the binder reads a route-or-query parameter.</summary>
    private static string? Value(HttpRequest request, string name) =>
        request.RouteValues.TryGetValue(name, out var routed) && routed is not null
            ? Convert.ToString(routed, CultureInfo.InvariantCulture)
            : request.Query.TryGetValue(name, out var query) ? query.ToString() : null;

    /// <summary>Whether a text parses into the type, for a type that parses itself (<see cref="IParsable{TSelf}"/>); null for any other.</summary>
    internal static Func<string, bool>? Parser(Type type) => Parsers.GetOrAdd(type, static t =>
        t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>) && i.GenericTypeArguments[0] == t)
            ? typeof(Parsing<>).MakeGenericType(t).GetMethod(nameof(Parsing<int>.Parses))!.CreateDelegate<Func<string, bool>>()
            : null);

    private static class Parsing<T>
        where T : IParsable<T>
    {
        public static bool Parses(string text) => T.TryParse(text, CultureInfo.InvariantCulture, out _);
    }
}
