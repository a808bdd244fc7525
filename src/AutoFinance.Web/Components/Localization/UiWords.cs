namespace AutoFinance.Web.Components.Localization;

/// <summary>A word of the back end's vocabulary (a case kind, a root cause, a lifecycle stage) as the page shows it.</summary>
public static class UiWords
{
    /// <summary>The text for <paramref name="prefix"/> + <paramref name="value"/>, or the value itself when the table has no text for it.</summary>
    public static string Word(this UiLanguage language, string prefix, string? value)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        return UiText.All.ContainsKey(prefix + value) ? language[prefix + value] : value;
    }

    /// <summary>A churn reason: the back end's English text in English, the table's Chinese for its feature otherwise.</summary>
    public static string ChurnReason(this UiLanguage language, string feature, string text)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.IsEnglish || !UiText.All.ContainsKey("ins.reason." + feature) ? text : language["ins.reason." + feature];
    }
}
