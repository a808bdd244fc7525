using AutoFinance.Domain.Disclosure;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Web.Components.Charts;

/// <summary>One instalment as the charts read it (from a schedule, a disclosure or a booked loan).</summary>
public sealed record ChartInstallment(int Number, DateOnly DueDate, decimal Principal, decimal Interest, decimal Fee, decimal Balance);

/// <summary>One bar of the payments chart: the instalment's payment split into its parts; a balloon apart from the principal.</summary>
public sealed record PaymentBar(int Number, DateOnly DueDate, decimal Principal, decimal Interest, decimal Fee, decimal Balloon)
{
    public decimal Total => Principal + Interest + Fee + Balloon;
}

/// <summary>
/// The figures the SVG charts draw, taken from the engine's schedule unchanged: every bar adds up to its instalment's
/// payment, and the bars together to the schedule's totals (the balloon is the part of the last principal that the
/// balloon plan defers, shown on its own).
/// </summary>
public static class ChartData
{
    public static IReadOnlyList<ChartInstallment> From(IEnumerable<Installment> rows) =>
        [.. rows.Select(r => new ChartInstallment(r.Number, r.DueDate, r.Principal, r.Interest, r.Fee, r.Balance))];

    public static IReadOnlyList<ChartInstallment> From(IEnumerable<DisclosedInstallment> rows) =>
        [.. rows.Select(r => new ChartInstallment(r.Number, r.DueDate, r.Principal, r.Interest, r.Fee, r.Balance))];

    public static IReadOnlyList<PaymentBar> Bars(IReadOnlyList<ChartInstallment> rows, decimal balloon)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var bars = new List<PaymentBar>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var deferred = i == rows.Count - 1 ? Math.Min(balloon, r.Principal) : 0m;
            bars.Add(new PaymentBar(r.Number, r.DueDate, r.Principal - deferred, r.Interest, r.Fee, deferred));
        }

        return bars;
    }

    /// <summary>A round upper bound for an axis: 1, 2 or 5 times a power of ten, at least the value.</summary>
    public static decimal NiceCeiling(decimal value)
    {
        if (value <= 0m)
        {
            return 1m;
        }

        var power = 1m;
        while (power * 10m <= value)
        {
            power *= 10m;
        }

        while (power > value)
        {
            power /= 10m;
        }

        foreach (var step in new[] { 1m, 1.2m, 1.5m, 2m, 2.5m, 3m, 4m, 5m, 6m, 8m, 10m })
        {
            if (step * power >= value)
            {
                return step * power;
            }
        }

        return 10m * power;
    }

    /// <summary>An axis label: thousands as "k" in English, ten-thousands as 万 in Chinese.</summary>
    public static string Axis(decimal value, bool english) => (english, value) switch
    {
        (true, >= 1_000m) => (value / 1_000m).ToString("#,##0.#", System.Globalization.CultureInfo.InvariantCulture) + "k",
        (false, >= 10_000m) => (value / 10_000m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "万",
        _ => value.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string Svg(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
