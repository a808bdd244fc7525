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

    /// <summary>A segment's generated name ("repeat borrowers, high value") in the page's words, label by label.</summary>
    public static string Segment(this UiLanguage language, string? name)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (string.IsNullOrEmpty(name))
        {
            return "-";
        }

        var labels = name.Split(", ");
        return labels.All(l => UiText.All.ContainsKey("seg.label." + l))
            ? string.Join(language.IsEnglish ? ", " : "，", labels.Select(l => language["seg.label." + l]))
            : name;
    }

    /// <summary>A scorecard bin ("[725, inf)", "salaried / other") with infinity as ∞ and categories in the page's words.</summary>
    public static string Bin(this UiLanguage language, string label)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(label);
        var text = label.Replace("inf", "∞", StringComparison.Ordinal);
        if (text.StartsWith('[') || text.StartsWith('('))
        {
            return text;
        }

        return string.Join(" / ", text.Split(" / ").Select(c =>
            new[] { "employment.", "housing.", "vehicle." }.FirstOrDefault(p => UiText.All.ContainsKey(p + c)) is { } prefix ? language[prefix + c] : c));
    }
}
