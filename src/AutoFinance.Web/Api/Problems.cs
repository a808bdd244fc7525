using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Origination;

namespace AutoFinance.Web.Api;

/// <summary>RFC 9457 problem details for everything a caller can get wrong, naming the fields.</summary>
public static class Problems
{
    /// <summary>
    /// A 400 naming every field with its sentences (<c>errors</c>) and, beside them, each problem's stable code and
    /// figures (<c>problems</c>: field, code, parameters) for a screen to say in its own language.
    /// </summary>
    public static IResult Validation(IEnumerable<FieldError> errors, string title = "The request has problems")
    {
        var list = errors.ToList();
        var extensions = Coded(list);
        extensions["code"] = OverallCode(list);
        return Results.ValidationProblem(
            list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: title,
            statusCode: StatusCodes.Status400BadRequest,
            extensions: extensions);
    }

    /// <summary>The code a refusal of several field problems carries as a whole: theirs when they share one, else <c>request.invalid</c>.</summary>
    private static string OverallCode(IReadOnlyList<FieldError> errors) =>
        errors.Select(e => e.Code ?? "field.invalid").Distinct(StringComparer.Ordinal).ToList() is [var only] ? only : "request.invalid";

    public static IResult Field(string field, string message) => Validation([new FieldError(field, message)]);

    /// <summary>A 400 naming one field, with the problem's stable code beside it (<c>code</c>).</summary>
    public static IResult Field(string field, string message, string? code) =>
        Results.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            title: "The request has problems",
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>A 400 naming one field, with the problem's stable code and, beside the field, the code of what is wrong with it.</summary>
    public static IResult Field(string field, string message, string code, string fieldCode) =>
        Results.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            title: "The request has problems",
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?>(Coded([new FieldError(field, message, fieldCode)])) { ["code"] = code });

    /// <summary>A 400 for a call that needs a signed-in person's session but came with a dealer's API key (<c>auth.no-session</c>).</summary>
    public static IResult NoSession(string detail) => Results.Problem(title: "No session", detail: detail, statusCode: 400,
        extensions: new Dictionary<string, object?> { ["code"] = "auth.no-session" });

    /// <summary>The code of a record that does not exist or that the caller may not see (the two are not told apart).</summary>
    public const string NotFoundCode = "record.not-found";

    /// <summary>The code of an action the caller's role or relation to the record does not allow.</summary>
    public const string ForbiddenCode = "auth.forbidden";

    /// <summary>The code of a call that needs a signed-in caller and came without a session or key that is valid.</summary>
    public const string SignInCode = "auth.required";

    public static IResult NotFound(string what) => Results.Problem(title: "Not found", detail: $"no {what} with that id is visible to you", statusCode: 404,
        extensions: new Dictionary<string, object?> { ["code"] = NotFoundCode });

    public static IResult Conflict(string detail) => Results.Problem(title: "Conflict", detail: detail, statusCode: 409,
        extensions: new Dictionary<string, object?> { ["code"] = "record.conflict" });

    public static IResult Forbidden(string detail) => Results.Problem(title: "Not allowed", detail: detail, statusCode: 403,
        extensions: new Dictionary<string, object?> { ["code"] = ForbiddenCode });

    /// <summary>A 403 for what the caller may not do with a value they gave: the stable code, and the field it names.</summary>
    public static IResult Forbidden(string detail, string code, string field) => Results.Problem(title: "Not allowed", detail: $"{field}: {detail}", statusCode: 403,
        extensions: new Dictionary<string, object?>(Extensions(code, null).Concat(Coded([new FieldError(field, detail, code)]))));

    /// <summary>A 422 for an Idempotency-Key already used with another body: a new request needs a new key.</summary>
    public static IResult KeyReused(string what) => From(
        CommandResult<object>.Unprocessable("Idempotency-Key", $"was already used for another request; use a new key for a new {what}", "idempotency.key.reused"), Results.Ok, what);

    public static IResult From<T>(CommandResult<T> result, Func<T, IResult> ok, string what)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ok);
        return result.Failure switch
        {
            CommandFailure.None when result.AwaitingApproval is { } held => Results.Json(
                new { status = "awaiting-approval", held.ApprovalId, held.Action, held.Summary }, Json.Options, statusCode: 202),
            CommandFailure.None => ok(result.Value!),
            CommandFailure.NotFound => NotFound(what),
            CommandFailure.Conflict when result.Code is { } code => Results.Problem(title: "Conflict", detail: result.Problem, statusCode: 409, extensions: Extensions(code, result.Parameters)),
            CommandFailure.Conflict => Conflict(result.Problem!),
            CommandFailure.Unprocessable => Results.Problem(title: "The request cannot be taken", detail: $"{result.Field}: {result.Problem}", statusCode: 422,
                extensions: new Dictionary<string, object?>(Extensions(result.Code!, result.Parameters).Concat(Coded(result.Errors)))),
            _ when result.Code is { } code => Results.ValidationProblem(
                result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "The request has problems",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?>(Extensions(code, result.Parameters).Concat(Coded(result.Errors)))),
            _ => Validation(result.Errors),
        };
    }

    /// <summary>Every field problem's code (<c>field.required</c> when it has none of its own) and figures.</summary>
    private static Dictionary<string, object?> Coded(IEnumerable<FieldError> errors) => new()
    {
        ["problems"] = errors.Select(e => new CodedProblem(e.Field, e.Code ?? "field.invalid", e.Parameters)).ToArray(),
    };

    /// <summary>A field's problem by its stable code and figures, said in the caller's language by <see cref="ProblemLanguage"/>.</summary>
    internal sealed record CodedProblem(string Field, string Code, IReadOnlyDictionary<string, string>? Parameters);

    /// <summary>The stable code of a problem and the figures its sentence uses, for a screen to say in its own language.</summary>
    private static Dictionary<string, object?> Extensions(string code, IReadOnlyDictionary<string, string>? parameters) =>
        parameters is null ? new() { ["code"] = code } : new() { ["code"] = code, ["parameters"] = parameters };
}
