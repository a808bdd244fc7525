namespace AutoFinance.Infrastructure.Origination;

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

    public IReadOnlyList<Domain.Validation.FieldError> Errors { get; init; } = [];
}

public enum CommandFailure
{
    None,
    NotFound,
    Conflict,
    Invalid,
}
