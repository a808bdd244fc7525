using System.Globalization;
using AutoFinance.Domain.Monetary;

namespace AutoFinance.Domain.Servicing.Reminders;

/// <summary>Amounts and dates as each language writes them in reminders.</summary>
/// <remarks>
/// Amounts have thousands separators and exactly the currency's minor digits; in Chinese a CNY amount is followed by
/// 元 ("1,234.50 元") and other currencies by their code, in English the code comes first ("CNY 1,234.50"). Dates are
/// "2026年3月10日" in Chinese and "10 March 2026" in English. Fixed patterns, so the text does not change with the
/// machine's culture data.
/// </remarks>
public static class ReminderFormat
{
    public const string English = "en";

    public const string SimplifiedChinese = "zh-CN";

    /// <summary>The language a reminder is written in: Simplified Chinese for "zh", "zh-CN", "zh-Hans"…, English otherwise.</summary>
    public static string Language(string? requested) => Origination.ReasonTexts.IsChinese(requested) ? SimplifiedChinese : English;

    public static string Amount(decimal amount, Currency currency, string language)
    {
        var number = currency.Round(amount).ToString("N" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Language(language) == SimplifiedChinese
            ? number + " " + (currency.Code == "CNY" ? "元" : currency.Code)
            : currency.Code + " " + number;
    }

    public static string Date(DateOnly date, string language) =>
        Language(language) == SimplifiedChinese
            ? date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
            : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
