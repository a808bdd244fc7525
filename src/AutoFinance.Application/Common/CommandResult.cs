namespace AutoFinance.Application.Common;

/// <summary>The outcome of a command: done, not found (or not visible), a conflict with the object's state, or bad input.</summary>
public sealed record CommandResult<T>(T? Value, CommandFailure Failure = CommandFailure.None, string? Problem = null, string? Field = null)
{
    public static CommandResult<T> Ok(T value) => new(value);

    public static CommandResult<T> NotFound() => new(default, CommandFailure.NotFound, "not found");

    /// <summary>A refusal because of the object's state; <paramref name="code"/> names it for screens (<c>case.resolved</c>).</summary>
    public static CommandResult<T> Conflict(string problem, string? code = null, IReadOnlyDictionary<string, string>? parameters = null) =>
        new(default, CommandFailure.Conflict, problem) { Code = code, Parameters = parameters };

    public static CommandResult<T> Invalid(string field, string problem, string? code = null, IReadOnlyDictionary<string, string>? parameters = null) =>
        Invalid([new Domain.Validation.FieldError(field, problem, code, parameters)]);

    /// <summary>Bad input: every problem at once, each naming its field.</summary>
    public static CommandResult<T> Invalid(IReadOnlyList<Domain.Validation.FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new(default, CommandFailure.Invalid, errors[0].Message, errors[0].Field) { Errors = errors, Code = errors[0].Code, Parameters = errors[0].Parameters };
    }

    /// <summary>A request that is well formed but cannot be taken as it stands (422), e.g. an Idempotency-Key reused for another request.</summary>
    public static CommandResult<T> Unprocessable(string field, string problem, string code) =>
        new(default, CommandFailure.Unprocessable, problem, field) { Code = code, Errors = [new Domain.Validation.FieldError(field, problem, code)] };

    /// <summary>A refusal from the servicing domain, with its stable code.</summary>
    public static CommandResult<T> From(Domain.Servicing.Loans.ServicingError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.IsConflict ? Conflict(error.Message, error.Code, error.Parameters) : Invalid(error.Field, error.Message, error.Code, error.Parameters);
    }

    /// <summary>This refusal as the refusal of another command (its value type differs; nothing else does).</summary>
    public CommandResult<TOther> Refusal<TOther>() => new(default, Failure, Problem, Field) { Code = Code, Errors = Errors, Parameters = Parameters };

    public IReadOnlyList<Domain.Validation.FieldError> Errors { get; init; } = [];

    /// <summary>The stable code of the problem (<c>payment.amount.invalid</c>), when it has one.</summary>
    public string? Code { get; init; }

    /// <summary>Set when the command was held for a second person instead of being done (202): nothing changed yet.</summary>
    public Approvals.PendingApproval? AwaitingApproval { get; init; }

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
