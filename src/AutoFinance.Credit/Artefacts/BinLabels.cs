using System.Globalization;
using AutoFinance.Credit.Binning;

namespace AutoFinance.Credit.Artefacts;

/// <summary>Readable labels of bins for tables, reason texts and exports.</summary>
public static class BinLabels
{
    public static string Describe(ScoredBin bin)
    {
        ArgumentNullException.ThrowIfNull(bin);
        return bin.Kind switch
        {
            BinKind.Range when bin.Lower is null && bin.Upper is null => "any value",
            BinKind.Range when bin.Lower is null => $"below {Number(bin.Upper!.Value)}",
            BinKind.Range when bin.Upper is null => $"{Number(bin.Lower!.Value)} or more",
            BinKind.Range => $"{Number(bin.Lower!.Value)} to under {Number(bin.Upper!.Value)}",
            BinKind.Missing => "missing",
            BinKind.Special when bin.SpecialValue is { } value => $"special value {Number(value)}",
            BinKind.Special => $"special value {bin.Categories.FirstOrDefault()}",
            _ => Categories(bin.Categories),
        };
    }

    /// <summary>Interval notation for a range bin: [lower, upper).</summary>
    public static string Interval(ScoredBin bin)
    {
        ArgumentNullException.ThrowIfNull(bin);
        return bin.Kind == BinKind.Range
            ? $"[{(bin.Lower is { } l ? Number(l) : "-inf")}, {(bin.Upper is { } u ? Number(u) : "inf")})"
            : Describe(bin);
    }

    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Categories(IReadOnlyList<string> categories) => categories.Count switch
    {
        0 => "no category",
        <= 3 => string.Join(" / ", categories),
        _ => $"{string.Join(" / ", categories.Take(3))} and {categories.Count - 3} more",
    };
}
