using System.Globalization;

namespace AutoFinance.Domain.Validation;

/// <summary>The field problems every form shares, each with its stable code and figures.</summary>
public static class FieldProblems
{
    public static FieldError Required(string field, string message = "is required") => new(field, message, "field.required");

    public static FieldError Between(string field, decimal min, decimal max) =>
        new(field, $"must be between {min} and {max}", "field.between", Figures(("min", Show(min)), ("max", Show(max))));

    public static FieldError Length(string field, int min, int max) =>
        new(field, $"must be {min} to {max} characters of text", "field.length", Figures(("min", Show(min)), ("max", Show(max))));

    public static FieldError TooLong(string field, int max) =>
        new(field, $"must be at most {max} characters", "field.too-long", Figures(("max", Show(max))));

    public static FieldError OneOf(string field, string? given, IEnumerable<string> allowed)
    {
        var list = string.Join(", ", allowed);
        return given is null
            ? new(field, $"is required: one of {list}", "field.required")
            : new(field, $"'{given}' is not one of {list}", "field.one-of");
    }

    public static FieldError Decimals(string field) => new(field, "must have at most 2 decimal places", "field.decimals");

    public static FieldError NotANumber(string field) => new(field, "is not a number", "field.number");

    public static FieldError NotWhole(string field) => new(field, "must be a whole number", "field.whole");

    public static FieldError NotADate(string field) => new(field, "is not a date (YYYY-MM-DD)", "field.date");

    /// <summary>A problem of its own kind, with its code and figures.</summary>
    public static FieldError Of(string field, string code, string message, params (string Name, string Value)[] figures) =>
        new(field, message, code, figures.Length == 0 ? null : Figures(figures));

    public static IReadOnlyDictionary<string, string> Figures(params (string Name, string Value)[] figures) =>
        figures.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);

    private static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
