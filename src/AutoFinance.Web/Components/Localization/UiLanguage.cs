using System.Globalization;

namespace AutoFinance.Web.Components.Localization;

/// <summary>
/// The language of the pages: zh-CN (the default) or en, chosen by the <c>af_lang</c> cookie (set by the language
/// switch), otherwise by the browser's Accept-Language. Every UI string comes from <see cref="UiText"/>.
/// </summary>
public sealed class UiLanguage
{
    public const string Cookie = "af_lang";
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static readonly UiLanguage Zh = new(Chinese);
    public static readonly UiLanguage En = new(English);

    private UiLanguage(string code) => Code = code;

    public string Code { get; }

    public bool IsEnglish => Code == English;

    /// <summary>The language the request asks for: the cookie first, then Accept-Language, then Chinese.</summary>
    public static UiLanguage Of(HttpContext? http)
    {
        if (http is null)
        {
            return Zh;
        }

        if (Parse(http.Request.Cookies[Cookie]) is { } chosen)
        {
            return chosen;
        }

        foreach (var part in http.Request.Headers.AcceptLanguage.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tag = part.Split(';')[0];
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Zh;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return En;
            }
        }

        return Zh;
    }

    public static UiLanguage? Parse(string? code) => code switch
    {
        _ when string.Equals(code, English, StringComparison.OrdinalIgnoreCase) => En,
        _ when string.Equals(code, Chinese, StringComparison.OrdinalIgnoreCase) || string.Equals(code, "zh", StringComparison.OrdinalIgnoreCase) => Zh,
        _ => null,
    };

    /// <summary>The UI text for a key; the key itself when the table lacks it (a test keeps the table complete).</summary>
    public string this[string key] => UiText.Get(key, IsEnglish);

    /// <summary>The text of a key, or the fallback when the table has no such key (a code added after the page was written).</summary>
    public string Or(string key, string fallback) => UiText.All.ContainsKey(key) ? this[key] : fallback;

    /// <summary>A UI text with figures put in its numbered places.</summary>
    public string Format(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);
}
