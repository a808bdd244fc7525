using System.Globalization;
using AutoFinance.Web.Components.Localization;

namespace AutoFinance.Web.Components.Shared;

/// <summary>
/// How figures are written on the pages: money to the cent with grouping, rates in percent, dates and times in the
/// page's language (2026年5月1日 in Chinese, 1 May 2026 in English) and times in the display time zone
/// (Asia/Shanghai unless <c>Display:TimeZone</c> says otherwise). The language is the request's, set once per
/// request by <see cref="WebPages"/>, so every page formats alike without passing it around.
/// </summary>
public static class Fmt
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly AsyncLocal<UiLanguage?> RequestLanguage = new();

    /// <summary>The zone times are shown in; set at start-up from configuration.</summary>
    public static TimeZoneInfo Zone { get; set; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The language of the request being rendered (Chinese when none is set).</summary>
    public static UiLanguage Language
    {
        get => RequestLanguage.Value ?? UiLanguage.Zh;
        set => RequestLanguage.Value = value;
    }

    public static string Money(decimal amount) => "¥" + amount.ToString("#,##0.00", Invariant);

    /// <summary>An amount in its own currency: yuan as ¥, any other currency by its ISO code (a bank line in dollars, say).</summary>
    public static string Money(decimal amount, string currency)
    {
        if (string.Equals(currency, "CNY", StringComparison.OrdinalIgnoreCase))
        {
            return Money(amount);
        }

        var digits = Domain.Monetary.Currency.TryFromCode(currency)?.MinorUnits ?? 2;
        return currency.ToUpperInvariant() + " " + amount.ToString(digits == 0 ? "#,##0" : "#,##0." + new string('0', digits), Invariant);
    }

    public static string Number(decimal amount) => amount.ToString("#,##0.##", Invariant);

    /// <summary>A value already in percent (4.99 for 4.99%).</summary>
    public static string Percent(decimal percent, int decimals = 2) =>
        Math.Round(percent, decimals, MidpointRounding.AwayFromZero).ToString(decimals <= 0 ? "0" : "0." + new string('0', Math.Min(decimals, 2)) + new string('#', Math.Max(0, decimals - 2)), Invariant) + "%";

    /// <summary>A fraction shown in percent (0.0499 for 4.99%).</summary>
    public static string Rate(decimal fraction) => Percent(fraction * 100m);

    public static string Date(DateOnly date) => Date(date, Language);

    /// <summary>A date as forms, links and data attributes carry it (yyyy-MM-dd), whatever the page's language.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    public static string Date(DateOnly date, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.IsEnglish ? date.ToString("d MMM yyyy", Invariant) : $"{date.Year}年{date.Month}月{date.Day}日";
    }

    /// <summary>An instant as the local date and time in the display zone.</summary>
    public static string DateTime(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        return Date(DateOnly.FromDateTime(local.DateTime)) + " " + local.ToString("HH:mm", Invariant);
    }

    /// <summary>The date of an instant in the display zone.</summary>
    public static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>A plain invariant number for form fields.</summary>
    public static string Field(decimal? value) => value?.ToString("0.##", Invariant) ?? string.Empty;

    /// <summary>Business minutes as hours and minutes of working time: a working day is not 24 hours, so never days.</summary>
    public static string WorkingTime(double minutes)
    {
        var total = (int)Math.Round(Math.Abs(minutes), MidpointRounding.AwayFromZero);
        var (hours, rest) = (total / 60, total % 60);
        return Language.IsEnglish ? $"{hours}h {rest:00}m working time" : $"工作时间 {hours}小时{rest:00}分";
    }

    public static string Duration(TimeSpan span)
    {
        var sign = span < TimeSpan.Zero ? "-" : string.Empty;
        var abs = span.Duration();
        if (Language.IsEnglish)
        {
            return abs.TotalHours >= 24 ? $"{sign}{(int)abs.TotalDays}d {abs.Hours}h" : $"{sign}{(int)abs.TotalHours}h {abs.Minutes:00}m";
        }

        return abs.TotalHours >= 24 ? $"{sign}{(int)abs.TotalDays}天{abs.Hours}小时" : $"{sign}{(int)abs.TotalHours}小时{abs.Minutes:00}分";
    }
}
