using System.Globalization;
using AutoFinance.Credit.Binning;

namespace AutoFinance.Credit.Tests.Export;

/// <summary>
/// Rows that probe every way a value can be binned: missing in every spelling, out of the training range on both
/// sides, exactly on the range and bin bounds, sentinel values, unseen and padded categories.
/// </summary>
internal static class EdgeRows
{
    public const string Unseen = "a category never seen in training";

    /// <summary>Every probe of every characteristic; row j takes probe j (cycling) of each characteristic.</summary>
    public static IReadOnlyList<string?[]> Of(ScorecardCase scorecardCase)
    {
        var probes = scorecardCase.Characteristics.Select((c, i) => Probes(scorecardCase, i)).ToArray();
        var count = probes.Max(p => p.Count);
        return [.. Enumerable.Range(0, count).Select(j => probes.Select(p => p[j % p.Count]).ToArray())];
    }

    /// <summary>One row with an unseen category, a missing value and an out-of-range number, the rest typical.</summary>
    public static string?[] UnseenMissingOutOfRange(ScorecardCase scorecardCase)
    {
        var row = scorecardCase.Rows[0].ToArray();
        var categorical = Enumerable.Range(0, row.Length).First(i => !scorecardCase.IsNumeric(i));
        var numeric = Enumerable.Range(0, row.Length).Where(scorecardCase.IsNumeric).ToArray();
        row[categorical] = Unseen;
        row[numeric[0]] = Text(scorecardCase.Characteristics[numeric[0]].Max!.Value + 1000);
        row[numeric[1]] = null;
        return row;
    }

    private static List<string?> Probes(ScorecardCase scorecardCase, int index)
    {
        var characteristic = scorecardCase.Characteristics[index];
        var probes = new List<string?> { null, "NA", " ? ", string.Empty };
        if (scorecardCase.IsNumeric(index))
        {
            foreach (var bound in new[] { characteristic.Min, characteristic.Max }.OfType<double>())
            {
                probes.AddRange([Text(bound), Text(bound - 1), Text(bound + 1), Text(bound - 1e-9), Text(bound + 1e-9)]);
            }

            foreach (var bin in characteristic.Bins)
            {
                if (bin.Upper is { } upper)
                {
                    probes.AddRange([Text(upper), Text(Math.BitDecrement(upper))]);
                }

                if (bin.SpecialValue is { } special)
                {
                    probes.Add(Text(special));
                }
            }

            probes.Add("1e300");
            probes.Add("-1e300");
        }
        else
        {
            probes.AddRange([Unseen, " NA ", "null"]);
            foreach (var category in characteristic.Bins.Where(b => b.Kind is BinKind.Categories or BinKind.Special).SelectMany(b => b.Categories))
            {
                probes.AddRange([category, $" {category}", $"{category}  ", category.ToUpperInvariant()]);
            }
        }

        return probes;
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
