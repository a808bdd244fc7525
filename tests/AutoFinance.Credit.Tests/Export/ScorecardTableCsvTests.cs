using System.Globalization;
using System.Text;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Export;
using CsvHelper;

namespace AutoFinance.Credit.Tests.Export;

public sealed class ScorecardTableCsvTests
{
    [SkippableTheory]
    [InlineData("german")]
    [InlineData("hmeq")]
    [InlineData("awkward")]
    public void Csv_table_has_a_row_per_bin_and_a_neutral_row_per_characteristic_with_their_points(string trained)
    {
        var document = trained == "awkward" ? AwkwardScorecard.Case.Document : TrainedScorecards.Named(trained).Document;
        var (header, rows) = Read(ScorecardTableCsv.Write(document));
        Assert.Equal(document.Characteristics.Sum(c => c.Bins.Count) + document.Characteristics.Count, rows.Count);
        var column = header.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        var expected = document.Characteristics.SelectMany(c =>
            c.Bins.Select(b => (c.Name, Bin: BinLabels.Describe(b), b.Points)).Append((c.Name, ScorecardTableCsv.NeutralRow, c.NeutralPoints)));
        foreach (var (row, (name, bin, points)) in rows.Zip(expected))
        {
            Assert.Equal(name, row[column["characteristic"]]);
            Assert.Equal(bin, row[column["bin"]]);
            Assert.Equal(points, double.Parse(row[column["points"]], NumberStyles.Float, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Csv_table_shows_counts_shares_and_woe_of_each_bin()
    {
        var document = TrainedScorecards.German.Document;
        var (header, rows) = Read(ScorecardTableCsv.Write(document));
        Assert.Equal(
            ["characteristic", "description", "bin", "interval", "categories", "goods", "bads", "count", "share", "event_rate", "woe", "iv", "characteristic_iv", "coefficient", "points"],
            header);
        var characteristic = document.Characteristics[0];
        var bin = characteristic.Bins[0];
        var first = rows[0];
        Assert.Equal(bin.Goods.ToString(CultureInfo.InvariantCulture), first[5]);
        Assert.Equal(bin.Count.ToString(CultureInfo.InvariantCulture), first[7]);
        Assert.Equal((double)bin.Count / characteristic.Bins.Sum(b => b.Count), Parse(first[8]));
        Assert.Equal((double)bin.Bads / bin.Count, Parse(first[9]));
        Assert.Equal(bin.Woe, Parse(first[10]));
        Assert.Equal(characteristic.Iv, Parse(first[12]));
        var shares = rows.Take(characteristic.Bins.Count).Sum(r => Parse(r[8]));
        Assert.Equal(1, shares, 12);
    }

    [Fact]
    public void Csv_table_keeps_blanks_quotes_and_every_category()
    {
        var (_, rows) = Read(ScorecardTableCsv.Write(AwkwardScorecard.Case.Document));
        Assert.Contains(rows, r => r[0] == AwkwardScorecard.Kind && r[2] == " d");
        Assert.Contains(rows, r => r[4] == "b / c / say \"hi\"");
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static (string[] Header, List<string[]> Rows) Read(string csv)
    {
        using var reader = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(csv)), CsvReaderOptions.Default, leaveOpen: false);
        var rows = new List<string[]>();
        string[] header = [];
        while (reader.Read())
        {
            if (header.Length == 0)
            {
                header = [.. reader.Headers];
            }

            rows.Add([.. Enumerable.Range(0, header.Length).Select(reader.GetString)]);
        }

        return (header, rows);
    }
}
