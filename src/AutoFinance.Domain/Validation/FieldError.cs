namespace AutoFinance.Domain.Validation;

/// <summary>One problem with one input field, in words a user can act on.</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
