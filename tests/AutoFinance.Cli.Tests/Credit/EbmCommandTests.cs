namespace AutoFinance.Cli.Tests.Credit;

public sealed class EbmCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("autofinance-ebm-").FullName;

    private static string German => Path.Combine(CliRunner.RepoRoot(), "datasets", "german-credit", "german-credit.csv");

    [Fact]
    public void An_explainable_boosting_model_trains_scores_with_its_own_pd_and_reasons_evaluates_and_exports_its_shape_functions()
    {
        var model = Path.Combine(_dir, "ebm.json");

        var training = CliRunner.Run("train", "--data", German, "--target", "creditability", "--bad", "bad", "--model", "ebm", "--no-challenger", "--folds", "0", "--out", model, "--json");

        Assert.Equal(0, training.ExitCode);
        Assert.Equal("ebm", training.Json.GetProperty("kind").GetString());
        Assert.InRange(training.Json.GetProperty("auc").GetDouble(), 0.74, 0.95);
        var evaluation = CliRunner.Run("evaluate", "--model", model, "--data", German, "--json");
        Assert.Equal(0, evaluation.ExitCode);
        Assert.True(evaluation.Json.GetProperty("otherModel").GetProperty("auc").GetDouble() > 0.7, "the scorecard stands beside it");
        var scoredFile = Path.Combine(_dir, "ebm-scored.csv");
        Assert.Equal(0, CliRunner.Run("score", "--model", model, "--data", German, "--out", scoredFile).ExitCode);
        var ebm = AutoFinance.Credit.Models.CreditModel.Load(model).Ebm!;
        var data = AutoFinance.Credit.Data.DatasetLoader.LoadFile(German, new AutoFinance.Credit.Data.DatasetOptions { Target = "creditability", BadValue = "bad" }).Data;
        var first = ebm.Explain(data, 0);
        var firstScored = File.ReadLines(scoredFile).Skip(1).First().Split(',');
        Assert.Equal(first.Pd, double.Parse(firstScored[^3], System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal(string.Join(';', first.Raising(4).Select(t => t.Term.Replace(',', '_'))), firstScored[^1]);
        var shapes = CliRunner.Run("export", "--model", model, "--format", "ebm-shapes");
        Assert.Equal(0, shapes.ExitCode);
        Assert.StartsWith("term,bin,second_bin,log_odds\nintercept,,,", shapes.Output, StringComparison.Ordinal);
        Assert.Contains("\nduration_in_month,missing,,", shapes.Output, StringComparison.Ordinal);

        // Its scorecard export would not score as the model does: refused, pointing at its shape functions.
        var sql = CliRunner.Run("export", "--model", model, "--format", "sql");
        Assert.Equal(2, sql.ExitCode);
        Assert.Contains("ebm-shapes gives its shape functions", sql.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Exporting_shape_functions_of_a_model_without_them_is_refused_with_exit_code_2()
    {
        var model = Path.Combine(_dir, "scorecard.json");
        Assert.Equal(0, CliRunner.Run("train", "--data", German, "--target", "creditability", "--bad", "bad", "--no-challenger", "--no-tuning", "--folds", "0", "--out", model).ExitCode);

        var shapes = CliRunner.Run("export", "--model", model, "--format", "ebm-shapes");

        Assert.Equal(2, shapes.ExitCode);
        Assert.Contains("explainable boosting", shapes.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_explainable_boosting_machine_trains_as_the_scorecards_challenger_and_cannot_challenge_itself()
    {
        var model = Path.Combine(_dir, "challenged.json");

        var training = CliRunner.Run("train", "--data", German, "--target", "creditability", "--bad", "bad", "--challenger", "ebm", "--no-tuning", "--folds", "0", "--out", model);
        var itself = CliRunner.Run("train", "--data", German, "--target", "creditability", "--bad", "bad", "--model", "ebm", "--challenger", "ebm", "--out", model);

        Assert.Equal(0, training.ExitCode);
        var document = AutoFinance.Credit.Artefacts.ModelJson.Load(model);
        Assert.Equal("scorecard", document.Kind);
        Assert.Equal("ebm", document.ChallengerKind);
        Assert.NotNull(document.Ebm);
        Assert.Null(document.Challenger);
        Assert.True(AutoFinance.Credit.Models.CreditModel.Load(model).EbmChallenges);
        Assert.Equal(2, itself.ExitCode);
        Assert.Contains("--challenger: ebm cannot challenge itself", itself.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
