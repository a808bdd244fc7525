using System.Xml.Linq;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Export;

namespace AutoFinance.Credit.Tests.Export;

public sealed class ExportGuardTests
{
    [Fact]
    public void Exports_refuse_range_bins_whose_upper_bounds_are_not_ascending()
    {
        var document = AwkwardScorecard.Case.Document;
        var amount = document.Characteristics[0];
        var bins = amount.Bins.ToArray();
        bins[1] = bins[1] with { Upper = 5 };
        var broken = document with { Characteristics = [amount with { Bins = bins }, .. document.Characteristics.Skip(1)] };

        Assert.Throws<ArgumentException>(() => SqlExporter.Write(broken));
        Assert.Throws<ArgumentException>(() => PmmlExporter.Write(broken));
    }

    [Fact]
    public void Pmml_field_names_stay_unique_when_characteristics_are_named_like_the_outputs()
    {
        var document = AwkwardScorecard.Case.Document;
        var renamed = document with
        {
            Characteristics = [.. document.Characteristics.Zip(["score", "pd", "points", "trimmed(pd)"], (c, name) => c with { Name = name })],
        };
        var pmml = XDocument.Parse(PmmlExporter.Write(renamed));
        var names = pmml.Descendants()
            .Where(e => e.Name.LocalName is "DataField" or "DerivedField" or "OutputField")
            .Select(e => (string)e.Attribute("name")!)
            .ToArray();
        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("score_2", names);
    }

    [Fact]
    public void Sql_export_gives_no_grade_when_the_scorecard_has_none()
    {
        var document = AwkwardScorecard.Case.Document with { Grades = [] };
        var results = SqliteScoring.Run(AwkwardScorecard.Case.WithRows([["5", "a", "0", "yes"]], "no grades"), SqlExporter.Write(document));
        Assert.Null(Assert.Single(results).Grade);
    }
}
