namespace AutoFinance.Domain.Validation;

/// <summary>
/// One problem with one input field, in words a user can act on, with a stable <see cref="Code"/>
/// (<c>field.between</c>) and the figures its sentence uses by name, so a screen can say it in its own language.
/// </summary>
public sealed record FieldError(string Field, string Message, string? Code = null, IReadOnlyDictionary<string, string>? Parameters = null)
{
    public override string ToString() => $"{Field}: {Message}";
}
