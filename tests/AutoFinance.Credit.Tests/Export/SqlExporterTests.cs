using AutoFinance.Credit.Export;

namespace AutoFinance.Credit.Tests.Export;

public sealed class SqlExporterTests
{
    [Fact]
    public void Sql_export_scores_every_german_row_exactly_as_the_engine() => AssertSqlMatchesEngine(TrainedScorecards.German);

    [SkippableFact]
    public void Sql_export_scores_every_hmeq_row_with_its_missing_values_exactly_as_the_engine() => AssertSqlMatchesEngine(TrainedScorecards.Hmeq);

    [SkippableFact]
    public void Sql_export_puts_sentinel_values_before_the_training_range_as_the_engine_does()
    {
        var scorecardCase = TrainedScorecards.HmeqSentinel;
        Assert.Contains(scorecardCase.Characteristics, c => c.Bins.Any(b => b.SpecialValue is 0) && c.Min > 0);
        AssertSqlMatchesEngine(scorecardCase);
    }

    [SkippableTheory]
    [InlineData("german")]
    [InlineData("hmeq")]
    [InlineData("hmeq-sentinel")]
    public void Sql_export_scores_missing_out_of_range_bound_and_unseen_values_as_the_engine(string trained)
    {
        var scorecardCase = TrainedScorecards.Named(trained);
        AssertSqlMatchesEngine(scorecardCase.WithRows(EdgeRows.Of(scorecardCase), "edge rows"));
    }

    [Fact]
    public void Sql_export_scores_a_row_with_an_unseen_category_a_missing_value_and_an_out_of_range_number_at_neutral_points()
    {
        var scorecardCase = TrainedScorecards.German;
        var row = EdgeRows.UnseenMissingOutOfRange(scorecardCase);
        var engine = EngineScoring.Score(scorecardCase, row);
        Assert.Contains(AutoFinance.Credit.Binning.MatchNote.UnseenCategory, engine.Notes);
        Assert.Contains(AutoFinance.Credit.Binning.MatchNote.OutOfRange, engine.Notes);
        AssertSqlMatchesEngine(scorecardCase.WithRows([row], "hand-made row"));
    }

    [Fact]
    public void Sql_export_resolves_every_awkward_binning_by_the_engine_precedence() => AssertSqlMatchesEngine(AwkwardScorecard.Case);

    [Fact]
    public void Sql_export_is_one_select_with_one_case_per_characteristic_and_quoted_names()
    {
        var document = AwkwardScorecard.Case.Document;
        var sql = SqlExporter.Write(document, "sales.applications");
        var code = string.Join('\n', sql.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        Assert.StartsWith("SELECT", code.TrimStart(), StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(sql, @"\bFROM ""sales"".""applications"" t\b"));
        Assert.Equal(document.Characteristics.Count + 1, System.Text.RegularExpressions.Regex.Matches(code, @"\bCASE\b").Count);
        Assert.Contains("\"kind 'of' \"\"loan\"\"\"", sql, StringComparison.Ordinal);
        Assert.Contains("'o''brien'", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("- -", sql, StringComparison.Ordinal);
    }

    private static void AssertSqlMatchesEngine(ScorecardCase scorecardCase)
    {
        var sql = SqlExporter.Write(scorecardCase.Document, SqliteScoring.Table);
        var results = SqliteScoring.Run(scorecardCase, sql);
        Assert.Equal(scorecardCase.Rows.Count, results.Count);
        var mismatches = new List<string>();
        for (var row = 0; row < results.Count; row++)
        {
            var engine = EngineScoring.Score(scorecardCase, scorecardCase.Rows[row]);
            var sqlResult = results[row];
            var pdDiffers = Math.Abs(sqlResult.Pd - engine.Pd) > 1e-12 * Math.Max(1, engine.Pd);
            if (!sqlResult.Score.Equals(engine.Score) || sqlResult.Grade != engine.Grade || pdDiffers)
            {
                mismatches.Add($"row {row} [{string.Join(" | ", scorecardCase.Rows[row])}]: engine {engine.Score} {engine.Grade} {engine.Pd}, sql {sqlResult.Score} {sqlResult.Grade} {sqlResult.Pd}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{scorecardCase.Name}: {mismatches.Count} rows differ\n{string.Join('\n', mismatches.Take(10))}");
    }
}
