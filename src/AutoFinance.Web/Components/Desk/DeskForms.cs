using AutoFinance.Infrastructure.Origination;
using AutoFinance.Web.Components.Localization;

namespace AutoFinance.Web.Components.Desk;

/// <summary>How a command's problems are shown on the service desk pages: beside their fields, in the reader's language.</summary>
public static class DeskForms
{
    public static Dictionary<string, List<string>> FieldErrors<T>(CommandResult<T> result, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(language);
        return language.Problems(result.Errors);
    }

    /// <summary>A whole-number form field, or null when it is empty or not a number.</summary>
    public static int? Whole(string? value) =>
        int.TryParse(value?.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
