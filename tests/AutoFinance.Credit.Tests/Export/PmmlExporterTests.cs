using System.Xml.Linq;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Export;

namespace AutoFinance.Credit.Tests.Export;

public sealed class PmmlExporterTests
{
    private static readonly XNamespace Ns = "http://www.dmg.org/PMML-4_4";

    [Fact]
    public void Pmml_export_scores_every_german_row_and_its_reason_codes_exactly_as_the_engine() => AssertPmmlMatchesEngine(TrainedScorecards.German);

    [SkippableFact]
    public void Pmml_export_scores_every_hmeq_row_with_its_missing_values_exactly_as_the_engine() => AssertPmmlMatchesEngine(TrainedScorecards.Hmeq);

    [SkippableFact]
    public void Pmml_export_puts_sentinel_values_before_the_training_range_as_the_engine_does() => AssertPmmlMatchesEngine(TrainedScorecards.HmeqSentinel);

    [SkippableTheory]
    [InlineData("german")]
    [InlineData("hmeq")]
    [InlineData("hmeq-sentinel")]
    public void Pmml_export_scores_missing_out_of_range_bound_and_unseen_values_as_the_engine(string trained)
    {
        var scorecardCase = TrainedScorecards.Named(trained);
        AssertPmmlMatchesEngine(scorecardCase.WithRows(EdgeRows.Of(scorecardCase), "edge rows"));
    }

    [Fact]
    public void Pmml_export_scores_a_row_with_an_unseen_category_a_missing_value_and_an_out_of_range_number_at_neutral_points()
    {
        var scorecardCase = TrainedScorecards.German;
        var row = EdgeRows.UnseenMissingOutOfRange(scorecardCase);
        var engine = EngineScoring.Score(scorecardCase, row);
        Assert.Contains(AutoFinance.Credit.Binning.MatchNote.UnseenCategory, engine.Notes);
        Assert.Contains(AutoFinance.Credit.Binning.MatchNote.OutOfRange, engine.Notes);
        Assert.Contains(AutoFinance.Credit.Binning.MatchNote.MissingNotSeen, engine.Notes);
        AssertPmmlMatchesEngine(scorecardCase.WithRows([row], "hand-made row"));
    }

    [Fact]
    public void Pmml_export_resolves_every_awkward_binning_by_the_engine_precedence() => AssertPmmlMatchesEngine(AwkwardScorecard.Case);

    [SkippableTheory]
    [InlineData("german")]
    [InlineData("hmeq")]
    public void Pmml_export_is_a_well_formed_pmml_4_4_scorecard_with_reason_codes(string trained)
    {
        var document = TrainedScorecards.Named(trained).Document;
        var pmml = XDocument.Parse(PmmlExporter.Write(document));
        var root = pmml.Root!;
        Assert.Equal(Ns + "PMML", root.Name);
        Assert.Equal("4.4", (string?)root.Attribute("version"));
        var model = root.Element(Ns + "Scorecard")!;
        Assert.Equal("true", (string?)model.Attribute("useReasonCodes"));
        Assert.Equal("pointsBelow", (string?)model.Attribute("reasonCodeAlgorithm"));
        Assert.Equal("max", (string?)model.Attribute("baselineMethod"));
        Assert.Equal("0", (string?)model.Attribute("initialScore"));

        var fields = root.Element(Ns + "DataDictionary")!.Elements(Ns + "DataField").ToDictionary(f => (string)f.Attribute("name")!);
        Assert.Equal(fields.Count, (int)root.Element(Ns + "DataDictionary")!.Attribute("numberOfFields")!);
        var characteristics = model.Element(Ns + "Characteristics")!.Elements(Ns + "Characteristic").ToArray();
        Assert.Equal(document.Characteristics.Count, characteristics.Length);
        foreach (var (characteristic, element) in document.Characteristics.Zip(characteristics))
        {
            Assert.Equal(characteristic.Name, (string?)element.Attribute("reasonCode"));
            Assert.Equal(characteristic.MaxPoints, (double)element.Attribute("baselineScore")!);
            var last = element.Elements(Ns + "Attribute").Last();
            Assert.Equal(characteristic.NeutralPoints, (double)last.Attribute("partialScore")!);
            Assert.NotNull(last.Element(Ns + "True"));

            var field = fields[characteristic.Name];
            if (characteristic.Kind == ColumnKind.Numeric)
            {
                Assert.Equal(("continuous", "double"), ((string)field.Attribute("optype")!, (string)field.Attribute("dataType")!));
            }
            else
            {
                Assert.Equal(("categorical", "string"), ((string)field.Attribute("optype")!, (string)field.Attribute("dataType")!));
                var values = field.Elements(Ns + "Value").Where(v => v.Attribute("property") is null).Select(v => (string)v.Attribute("value")!);
                Assert.Equal(characteristic.Bins.SelectMany(b => b.Categories).Order(StringComparer.Ordinal), values.Order(StringComparer.Ordinal));
            }
        }

        var reasons = model.Element(Ns + "Output")!.Elements(Ns + "OutputField").Where(f => (string?)f.Attribute("feature") == "reasonCode");
        Assert.Equal(["1", "2", "3", "4"], reasons.Select(r => (string)r.Attribute("rank")!));
    }

    [Fact]
    public void Pmml_string_arrays_keep_blanks_and_quotes_in_categories()
    {
        var pmml = XDocument.Parse(PmmlExporter.Write(AwkwardScorecard.Case.Document));
        var arrays = pmml.Descendants(Ns + "Array").Select(PmmlScorecardEvaluator.ArrayValues).ToArray();
        Assert.Contains(arrays, a => a.SequenceEqual([" d"]));
        Assert.Contains(arrays, a => a.SequenceEqual(["b", "c", "say \"hi\""]));
        Assert.Contains(arrays, a => a.SequenceEqual(["d", "two words"]));
    }

    private static void AssertPmmlMatchesEngine(ScorecardCase scorecardCase)
    {
        var evaluator = new PmmlScorecardEvaluator(PmmlExporter.Write(scorecardCase.Document));
        var names = scorecardCase.Characteristics.Select(c => c.Name).ToArray();
        var mismatches = new List<string>();
        for (var row = 0; row < scorecardCase.Rows.Count; row++)
        {
            var raw = scorecardCase.Rows[row];
            var engine = EngineScoring.Score(scorecardCase, raw);
            var inputs = names.Select((name, i) => KeyValuePair.Create(name, Input(scorecardCase, i, raw[i]))).ToDictionary();
            var output = evaluator.Evaluate(inputs);
            var reasons = Enumerable.Range(1, 4).Select(rank => output[$"reason_{rank}"]).OfType<string>().ToArray();
            var pd = (double)output["pd"]!;
            if (!engine.Score.Equals(output["score"]) || engine.Grade != (string?)output["grade"]
                || Math.Abs(pd - engine.Pd) > 1e-12 * Math.Max(1, engine.Pd) || !engine.ReasonCodes.SequenceEqual(reasons))
            {
                mismatches.Add($"row {row} [{string.Join(" | ", raw)}]: engine {engine.Score} {engine.Grade} {engine.Pd} ({string.Join(", ", engine.ReasonCodes)}), "
                    + $"pmml {output["score"]} {output["grade"]} {pd} ({string.Join(", ", reasons)})");
            }
        }

        Assert.True(mismatches.Count == 0, $"{scorecardCase.Name}: {mismatches.Count} rows differ\n{string.Join('\n', mismatches.Take(10))}");
    }

    /// <summary>What a PMML consumer is given: a number or missing for a numeric field, the text as it came for a categorical one.</summary>
    private static string? Input(ScorecardCase scorecardCase, int characteristic, string? raw) =>
        scorecardCase.IsNumeric(characteristic) && raw is not null && MissingValues.IsMissing(raw) ? null : raw;
}
