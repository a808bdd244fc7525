using System.Globalization;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Scorecards;

namespace AutoFinance.Cli.Tests.Credit;

public sealed class CreditCommandTests(TrainedGermanModel german) : IClassFixture<TrainedGermanModel>
{
    [Fact]
    public void Train_writes_a_model_and_reports_held_out_figures()
    {
        Assert.Equal(0, german.Training.ExitCode);
        var json = german.Training.Json;
        Assert.InRange(json.GetProperty("auc").GetDouble(), 0.76, 1);
        Assert.Equal(2 * json.GetProperty("auc").GetDouble() - 1, json.GetProperty("gini").GetDouble(), 9);
        Assert.Equal(300, json.GetProperty("testRows").GetInt32());
        Assert.Equal(3, json.GetProperty("crossValidation").GetProperty("folds").GetInt32());
        Assert.True(File.Exists(german.Model));
        Assert.True(File.Exists(Path.ChangeExtension(german.Model, ".scorecard.csv")));
        var document = ModelJson.Load(german.Model);
        Assert.Equal("creditability", document.Target.Column);
        Assert.Equal("bad", document.Target.BadValue);
        Assert.NotEmpty(document.Characteristics);
    }

    [Fact]
    public void Evaluate_prints_the_contract_keys()
    {
        var result = CliRunner.Run("evaluate", "--model", german.Model, "--data", german.Data, "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        foreach (var key in new[] { "auc", "gini", "ks", "brier", "psi", "rows" })
        {
            Assert.True(json.TryGetProperty(key, out _), key);
        }

        Assert.Equal(1000, json.GetProperty("rows").GetInt32());
        Assert.InRange(json.GetProperty("psi").GetDouble(), 0, 0.1);
    }

    [Fact]
    public void Evaluate_builds_a_fairness_table_by_age_band()
    {
        var result = CliRunner.Run("evaluate", "--model", german.Model, "--data", german.Data, "--group", "age_in_years", "--bands", "25,35,50", "--json");

        Assert.Equal(0, result.ExitCode);
        var groups = result.Json.GetProperty("fairness").GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(4, groups.Length);
        Assert.Equal(1000, groups.Sum(g => g.GetProperty("applicants").GetInt32()));
        Assert.Contains(groups, g => g.GetProperty("adverseImpactRatio").GetDouble() == 1.0);
    }

    [Fact]
    public void Score_adds_score_pd_grade_and_reasons_exactly_as_the_engine_scores()
    {
        var output = german.Temp("scored.csv");
        var result = CliRunner.Run("score", "--model", german.Model, "--data", german.Data, "--out", output);

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.Equal(1001, lines.Length);
        Assert.EndsWith(",score,pd,grade,reasons", lines[0], StringComparison.Ordinal);

        var scorecard = Scorecard.From(ModelJson.Load(german.Model));
        var loaded = AutoFinance.Credit.Data.DatasetLoader.LoadFile(german.Data, new AutoFinance.Credit.Data.DatasetOptions { Target = "creditability", BadValue = "bad", DropUninformative = false });
        var scored = DatasetScorer.Score(scorecard, loaded.Data);
        for (var row = 0; row < 1000; row += 37)
        {
            var fields = lines[row + 1].Split(',');
            var reasons = fields[^1];
            Assert.Equal(scored.Scores[row], double.Parse(fields[^4], CultureInfo.InvariantCulture));
            Assert.Equal(scored.Pd[row], double.Parse(fields[^3], CultureInfo.InvariantCulture));
            Assert.Equal(scorecard.Grades[scored.Grades[row]], fields[^2]);
            Assert.InRange(reasons.Split(';', StringSplitOptions.RemoveEmptyEntries).Length, 0, 4);
        }
    }

    [Fact]
    public void Report_prints_the_scorecard_table_and_validation()
    {
        var result = CliRunner.Run("report", "--model", german.Model);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("scorecard", result.Output, StringComparison.Ordinal);
        Assert.Contains("status_of_existing_checking_account", result.Output, StringComparison.Ordinal);
        Assert.Contains("test (held out)", result.Output, StringComparison.Ordinal);
        Assert.Contains("calibration by grade", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pmml", "<PMML")]
    [InlineData("sql", "CASE")]
    [InlineData("csv", "characteristic")]
    public void Export_writes_each_format(string format, string expected)
    {
        var result = CliRunner.Run("export", "--model", german.Model, "--format", format);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_with_json_says_what_it_wrote_or_carries_the_export()
    {
        var target = german.Temp("scorecard.sql");
        var written = CliRunner.Run("export", "--model", german.Model, "--format", "sql", "--out", target, "--json");

        Assert.Equal(0, written.ExitCode);
        Assert.Equal("sql", written.Json.GetProperty("format").GetString());
        Assert.Equal(Path.GetFullPath(target), written.Json.GetProperty("path").GetString());
        Assert.Equal(new FileInfo(target).Length, written.Json.GetProperty("bytes").GetInt64());
        Assert.False(string.IsNullOrEmpty(written.Json.GetProperty("modelId").GetString()));

        var printed = CliRunner.Run("export", "--model", german.Model, "--format", "sql", "--json");
        Assert.Equal(0, printed.ExitCode);
        Assert.Equal(File.ReadAllText(target), printed.Json.GetProperty("content").GetString());
    }

    [Fact]
    public void Generate_with_json_says_how_many_rows_it_wrote_and_where()
    {
        var target = german.Temp("generated.csv");
        var result = CliRunner.Run("generate", "car-loans", "--rows", "150", "--seed", "7", "--out", target, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(150, result.Json.GetProperty("rows").GetInt32());
        Assert.Equal(7, result.Json.GetProperty("seed").GetInt32());
        Assert.Equal(Path.GetFullPath(target), result.Json.GetProperty("path").GetString());
        Assert.Equal(151, File.ReadLines(target).Count());
    }

    [Fact]
    public void The_challenger_is_trained_beside_the_scorecard_and_reported()
    {
        var document = ModelJson.Load(german.Model);

        Assert.NotNull(document.Challenger);
        Assert.True(File.Exists(Path.Combine(german.Directory, document.Challenger.File)));
        Assert.InRange(document.Challenger.Test!.Auc, 0.74, 1);
        Assert.InRange(german.Training.Json.GetProperty("challenger").GetProperty("auc").GetDouble(), 0.74, 1);
    }

    [Fact]
    public void A_gbdt_model_scores_a_file_with_its_own_reasons()
    {
        var model = german.Temp("gbdt.json");
        var trained = CliRunner.Run("train", "--data", german.Data, "--target", "creditability", "--bad", "bad", "--model", "gbdt", "--folds", "0", "--out", model, "--json");
        var output = german.Temp("gbdt-scored.csv");
        var scored = CliRunner.Run("score", "--model", model, "--data", german.Data, "--out", output);

        Assert.Equal(0, trained.ExitCode);
        Assert.Equal("gbdt", trained.Json.GetProperty("kind").GetString());
        Assert.Equal(0, scored.ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.Equal(1001, lines.Length);
        var pd = double.Parse(lines[1].Split(',')[^3], CultureInfo.InvariantCulture);
        Assert.InRange(pd, 0, 1);
    }
}
