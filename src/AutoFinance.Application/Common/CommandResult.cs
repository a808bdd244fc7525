namespace AutoFinance.Application.Common;

/// <summary>The outcome of a command: done, not found (or not visible), a conflict with the object's state, or bad input.</summary>
public sealed record CommandResult<T>(T? Value, CommandFailure Failure = CommandFailure.None, string? Problem = null, string? Field = null)
{
    public static CommandResult<T> Ok(T value) => new(value);

    public static CommandResult<T> NotFound() => new(default, CommandFailure.NotFound, "not found");

    public static CommandResult<T> Conflict(string problem) => new(default, CommandFailure.Conflict, problem);

    public static CommandResult<T> Invalid(string field, string problem) => Invalid([new Domain.Validation.FieldError(field, problem)]);

    /// <summary>Bad input: every problem at once, each naming its field.</summary>
    public static CommandResult<T> Invalid(IReadOnlyList<Domain.Validation.FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new(default, CommandFailure.Invalid, errors[0].Message, errors[0].Field) { Errors = errors };
    }

    /// <summary>A request that is well formed but cannot be taken as it stands (422), e.g. an Idempotency-Key reused for another request.</summary>
    public static CommandResult<T> Unprocessable(string field, string problem, string code) =>
        new(default, CommandFailure.Unprocessable, problem, field) { Code = code, Errors = [new Domain.Validation.FieldError(field, problem)] };

    /// <summary>A refusal from the servicing domain, with its stable code.</summary>
    public static CommandResult<T> From(Domain.Servicing.Loans.ServicingError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var result = error.IsConflict ? Conflict(error.Message) : Invalid(error.Field, error.Message);
        return result with { Code = error.Code, Parameters = error.Parameters };
    }

    public IReadOnlyList<Domain.Validation.FieldError> Errors { get; init; } = [];

    /// <summary>The stable code of the problem (<c>payment.amount.invalid</c>), when it has one.</summary>
    public string? Code { get; init; }

    /// <summary>The figures the problem's sentence uses, by name.</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}

public enum CommandFailure
{
    None,
    NotFound,
    Conflict,
    Invalid,
    Unprocessable,
}
