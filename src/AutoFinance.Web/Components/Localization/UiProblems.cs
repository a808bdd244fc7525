using System.Globalization;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Origination;

namespace AutoFinance.Web.Components.Localization;

/// <summary>
/// A problem as the pages say it. English pages show the back end's sentence; Chinese pages say the problem's stable
/// code (<c>err.field.between</c>) with its figures put in, then a text for the field it names, then a general text,
/// so a Chinese page never shows an English sentence.
/// </summary>
public static class UiProblems
{
    public static string Problem(this UiLanguage language, FieldError error)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(error);
        return language.Say(error.Code, error.Parameters, error.Field, error.Message, conflict: false);
    }

    /// <summary>The problem of a refused command: its first field problem, or its conflict.</summary>
    public static string Problem<T>(this UiLanguage language, CommandResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(result);
        return result.Errors.Count > 0 && result.Failure != CommandFailure.Conflict
            ? language.Problem(result.Errors[0])
            : language.Say(result.Code, result.Parameters, result.Field, result.Problem ?? string.Empty, result.Failure == CommandFailure.Conflict);
    }

    /// <summary>Every problem of a form, by field.</summary>
    public static Dictionary<string, List<string>> Problems(this UiLanguage language, IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(language.Problem).ToList());

    /// <summary>Whether the pages have a text of their own for a problem's stable code.</summary>
    public static bool Knows(string? code) => code is not null && UiText.All.ContainsKey("err." + code);

    /// <summary>A refusal kept by its code and figures (on a stored note, say): English pages show the stored sentence.</summary>
    public static string ByCode(this UiLanguage language, string? code, IReadOnlyDictionary<string, string> figures, string message)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.Say(code, figures, null, message, conflict: false);
    }

    /// <summary>The text of a problem's own code with its figures put in, or null when the pages have none for it.</summary>
    public static string? ByOwnCode(this UiLanguage language, string? code, IReadOnlyDictionary<string, string>? figures)
    {
        ArgumentNullException.ThrowIfNull(language);
        return Knows(code) ? Text(language, CodeKey(code!, figures), figures) : null;
    }

    private static string Say(this UiLanguage language, string? code, IReadOnlyDictionary<string, string>? figures, string? field, string message, bool conflict)
    {
        if (language.IsEnglish && !string.IsNullOrWhiteSpace(message))
        {
            return message;
        }

        var key = Knows(code) ? CodeKey(code!, figures)
            : field is not null && UiText.All.ContainsKey("err.field." + LastPart(field)) ? "err.field." + LastPart(field)
            : conflict ? "err.conflict" : "err.general";
        return Text(language, key, figures);
    }

    private static string Text(UiLanguage language, string key, IReadOnlyDictionary<string, string>? figures)
    {
        var text = language[key];
        foreach (var (name, value) in figures ?? new Dictionary<string, string>())
        {
            text = text.Replace("{" + name + "}", Figure(language, value), StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A code's sentence; a refusal that gives a figure its plain wording lacks (the tries a code has left) reads the variant for it.</summary>
    private static string CodeKey(string code, IReadOnlyDictionary<string, string>? figures) =>
        figures?.Keys.Select(figure => "err." + code + "+" + figure).FirstOrDefault(UiText.All.ContainsKey) ?? "err." + code;

    private static string LastPart(string field) => field[(field.LastIndexOf('.') + 1)..];

    /// <summary>A figure as the page shows it: a date in the page's date format, a status in words, a number as given.</summary>
    private static string Figure(UiLanguage language, string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Shared.Fmt.Date(date, language);
        }

        return UiText.All.ContainsKey("status." + value.ToLowerInvariant()) ? language["status." + value.ToLowerInvariant()] : value;
    }
}
