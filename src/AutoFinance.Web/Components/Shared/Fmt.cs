using System.Globalization;

namespace AutoFinance.Web.Components.Shared;

/// <summary>How figures are written on the pages: money to the cent with grouping, rates in percent, ISO dates.</summary>
public static class Fmt
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Money(decimal amount) => "¥" + amount.ToString("#,##0.00", Invariant);

    public static string Number(decimal amount) => amount.ToString("#,##0.##", Invariant);

    /// <summary>A value already in percent (4.99 for 4.99%).</summary>
    public static string Percent(decimal percent, int decimals = 2) =>
        Math.Round(percent, decimals, MidpointRounding.AwayFromZero).ToString(decimals <= 0 ? "0" : "0." + new string('0', Math.Min(decimals, 2)) + new string('#', Math.Max(0, decimals - 2)), Invariant) + "%";

    /// <summary>A fraction shown in percent (0.0499 for 4.99%).</summary>
    public static string Rate(decimal fraction) => Percent(fraction * 100m);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    public static string DateTime(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);

    /// <summary>A plain invariant number for form fields.</summary>
    public static string Field(decimal? value) => value?.ToString("0.##", Invariant) ?? string.Empty;

    public static string Duration(TimeSpan span)
    {
        var sign = span < TimeSpan.Zero ? "-" : string.Empty;
        var abs = span.Duration();
        return abs.TotalHours >= 24
            ? $"{sign}{(int)abs.TotalDays}d {abs.Hours}h"
            : $"{sign}{(int)abs.TotalHours}h {abs.Minutes:00}m";
    }
}
