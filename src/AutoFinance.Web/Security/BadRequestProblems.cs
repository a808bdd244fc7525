using System.Text.RegularExpressions;
using AutoFinance.Web.Api;
using Microsoft.AspNetCore.Diagnostics;

namespace AutoFinance.Web.Security;

/// <summary>
/// A request Kestrel or the framework refused (a body over its limit: 413; an unreadable one: 400) answers its own
/// status with an RFC 9457 problem body rather than a 500. A query or route value an endpoint could not bind to its
/// parameter (<c>?page=abc</c>, <c>?all=maybe</c>) answers 400 naming the parameter, with <c>field.invalid</c> (or
/// <c>field.required</c> when it is missing) like any other field problem.
/// </summary>
public sealed partial class BadRequestProblems : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }

        await Answer(bad).ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    private static IResult Answer(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Problem(title: "Request body too large", detail: "the request body is larger than this endpoint accepts", statusCode: bad.StatusCode);
        }

        // ASP.NET Core names the parameter only in its message: "Failed to bind parameter "Nullable<int> page" from "abc"." and
        // "Required parameter "string q" was not provided from query string.".
        if (Unbound().Match(bad.Message) is { Success: true } unbound)
        {
            return Invalid(unbound.Groups["name"].Value, unbound.Groups["value"].Value, unbound.Groups["type"].Value);
        }

        if (Missing().Match(bad.Message) is { Success: true } missing)
        {
            return Problems.Field(missing.Groups["name"].Value, $"is required: {Expected(missing.Groups["type"].Value)}", "field.required");
        }

        return Results.Problem(title: "Bad request", detail: "the request could not be read", statusCode: bad.StatusCode);
    }

    /// <summary>The problem for a value that does not parse into its parameter's type, as for the exception's.</summary>
    public static IResult Unparsed(string name, string value, Type type) => Invalid(name, value, Keyword(type));

    /// <summary>
    /// 400 with <c>field.invalid</c>, and by the parameter the code of the kind of value it takes
    /// (<c>field.whole</c>, <c>field.date</c>…), which a Chinese caller is told in Chinese.
    /// </summary>
    private static IResult Invalid(string name, string value, string type) =>
        Problems.Field(name, $"'{value}' is not {Expected(type)}", "field.invalid", KindCode(type));

    /// <summary>The type as the binder's exception names it (<c>int</c>, <c>Guid</c>).</summary>
    private static string Keyword(Type type) => type == typeof(int) ? "int" : type == typeof(long) ? "long" : type == typeof(bool) ? "bool"
        : type == typeof(decimal) ? "decimal" : type == typeof(double) ? "double" : type.Name;

    /// <summary>What a parameter of the type (<c>int</c>, <c>Nullable&lt;int&gt;</c>) takes, in words an API caller reads.</summary>
    private static string Expected(string type) => (type.StartsWith("Nullable<", StringComparison.Ordinal) ? type[9..^1] : type) switch
    {
        "bool" => "true or false",
        "int" or "long" => "a whole number",
        "decimal" or "double" => "a number",
        "Guid" => "an id (a GUID)",
        "DateOnly" => "a date (yyyy-MM-dd)",
        _ => "a valid value",
    };

    /// <summary>The code of a value of the wrong kind for a parameter of the type.</summary>
    private static string KindCode(string type) => (type.StartsWith("Nullable<", StringComparison.Ordinal) ? type[9..^1] : type) switch
    {
        "bool" => "field.true-false",
        "int" or "long" => "field.whole",
        "decimal" or "double" => "field.number",
        "Guid" => "field.guid",
        "DateOnly" => "field.date",
        _ => "field.invalid",
    };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>[^"\s]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex Unbound();

    [GeneratedRegex("""^Required parameter "(?<type>\S+) (?<name>[^"\s]+)" was not provided""")]
    private static partial Regex Missing();
}
