using AutoFinance.Credit.Artefacts;
using CsvHelper;

namespace AutoFinance.Credit.Export;

/// <summary>
/// The scorecard as the table an analyst opens in a spreadsheet: one row per bin with its training counts, weight of
/// evidence, information value and points (and, for a category bin, all its categories, which the bin's label shortens),
/// then per characteristic a row for any other value, worth the neutral points. RFC 4180, culture-invariant round-trip
/// numbers; text with surrounding blanks is quoted, and text a spreadsheet would run as a formula is escaped.
/// </summary>
public static class ScorecardTableCsv
{
    public const string NeutralRow = "any other value (neutral)";

    private static readonly string[] Header =
    [
        "characteristic", "description", "bin", "interval", "categories", "goods", "bads", "count", "share", "event_rate", "woe", "iv",
        "characteristic_iv", "coefficient", "points",
    ];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
        Injection = CsvInjection.Escape,
    };

    public static string Write(ScorecardDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            foreach (var characteristic in document.Characteristics)
            {
                var total = characteristic.Bins.Sum(b => b.Count);
                foreach (var bin in characteristic.Bins)
                {
                    csv.WriteField(characteristic.Name);
                    csv.WriteField(characteristic.Description);
                    csv.WriteField(BinLabels.Describe(bin));
                    csv.WriteField(BinLabels.Interval(bin));
                    csv.WriteField(string.Join(" / ", bin.Categories));
                    csv.WriteField(bin.Goods, "D");
                    csv.WriteField(bin.Bads, "D");
                    csv.WriteField(bin.Count, "D");
                    Number(csv, total == 0 ? 0 : (double)bin.Count / total);
                    Number(csv, bin.Count == 0 ? 0 : (double)bin.Bads / bin.Count);
                    Number(csv, bin.Woe);
                    Number(csv, bin.Iv);
                    Number(csv, characteristic.Iv);
                    Number(csv, characteristic.Coefficient);
                    Number(csv, bin.Points);
                    csv.EndRecord();
                }

                csv.WriteField(characteristic.Name);
                csv.WriteField(characteristic.Description);
                csv.WriteField(NeutralRow);
                for (var blank = 0; blank < 7; blank++)
                {
                    csv.WriteField(string.Empty);
                }

                Number(csv, 0);
                csv.WriteField(string.Empty);
                Number(csv, characteristic.Iv);
                Number(csv, characteristic.Coefficient);
                Number(csv, characteristic.NeutralPoints);
                csv.EndRecord();
            }
        }

        return text.ToString();
    }

    private static void Number(CsvWriter csv, double value) => csv.WriteField(value, "R");
}
