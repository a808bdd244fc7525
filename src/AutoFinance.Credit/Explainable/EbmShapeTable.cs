using System.Globalization;
using System.Text;
using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Explainable;

/// <summary>
/// The shape functions as a CSV table an analyst can read or chart: one row per bin of every main effect and per
/// cell of every pair, with the log-odds it adds; the intercept comes first.
/// </summary>
public static class EbmShapeTable
{
    public const string Missing = "missing";

    public static string Write(EbmRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var csv = new StringBuilder("term,bin,second_bin,log_odds\n");
        Row(csv, "intercept", string.Empty, string.Empty, record.Intercept);
        foreach (var term in record.Terms)
        {
            var first = record.Features[term.FeatureIndexes[0]];
            if (!term.IsPair)
            {
                for (var bin = 0; bin < term.Scores.Count; bin++)
                {
                    Row(csv, term.Name, Label(first, bin), string.Empty, term.Scores[bin]);
                }

                continue;
            }

            var second = record.Features[term.FeatureIndexes[1]];
            var firstGroups = GroupLabels(first, term.Groups![0]);
            var secondGroups = GroupLabels(second, term.Groups[1]);
            for (var cell = 0; cell < term.Scores.Count; cell++)
            {
                Row(csv, term.Name, firstGroups[cell / term.SecondGroupCount], secondGroups[cell % term.SecondGroupCount], term.Scores[cell]);
            }
        }

        return csv.ToString();
    }

    /// <summary>What a bin holds: "missing", a level, or a range "(low, high]" of numbers.</summary>
    public static string Label(EbmFeature feature, int bin)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (bin == 0)
        {
            return Missing;
        }

        if (feature.Kind == ColumnKind.Categorical)
        {
            return feature.Levels[bin - 1];
        }

        var low = bin == 1 ? "-inf" : Number(feature.Edges[bin - 2]);
        var high = bin - 1 == feature.Edges.Count ? "inf" : Number(feature.Edges[bin - 1]);
        return $"({low}, {high}]";
    }

    private static string[] GroupLabels(EbmFeature feature, IReadOnlyList<int> groupOfBin)
    {
        var groups = groupOfBin.Max() + 1;
        return [.. Enumerable.Range(0, groups).Select(g => string.Join(" / ", Enumerable.Range(0, groupOfBin.Count).Where(b => groupOfBin[b] == g).Select(b => Label(feature, b))))];
    }

    private static void Row(StringBuilder csv, string term, string bin, string second, double value) =>
        csv.Append(Quote(term)).Append(',').Append(Quote(bin)).Append(',').Append(Quote(second)).Append(',')
            .Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');

    private static string Number(double value) => value.ToString("G10", CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
