using System.Text.Json;

namespace AutoFinance.Cli.Tests.Credit;

public sealed class BenchmarkCommandTests
{
    private static string German => Path.Combine(CliRunner.RepoRoot(), "datasets", "german-credit", "german-credit.csv");

    [Fact]
    public void Benchmark_reports_scorecard_explainable_boosting_and_baseline_as_the_mean_and_spread_of_every_seed_held_out_figures()
    {
        var result = CliRunner.Run("benchmark", "--data", German, "--target", "creditability", "--bad", "bad", "--seeds", "3", "--no-challenger", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.Equal([1, 2, 3], json.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt32()));
        var models = json.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!);
        Assert.Equal(["ebm", "scorecard", "woe-logistic-baseline"], models.Keys.Order(StringComparer.Ordinal));
        foreach (var model in models.Values)
        {
            var perSeed = model.GetProperty("perSeed").EnumerateArray().ToArray();
            Assert.Equal(3, perSeed.Length);
            Assert.All(perSeed, p => Assert.Equal(300, p.GetProperty("rows").GetInt32()));
            var aucs = perSeed.Select(p => p.GetProperty("auc").GetDouble()).ToArray();
            Assert.Equal(aucs.Average(), model.GetProperty("auc").GetProperty("mean").GetDouble(), 12);
            Assert.True(model.GetProperty("auc").GetProperty("stdDev").GetDouble() > 0, "different splits give different figures");
            Assert.InRange(aucs.Average(), 0.72, 0.9);
        }

        Assert.NotEqual(
            models["scorecard"].GetProperty("perSeed")[0].GetProperty("auc").GetDouble(),
            models["woe-logistic-baseline"].GetProperty("perSeed")[0].GetProperty("auc").GetDouble());
        var checking = json.GetProperty("characteristics").EnumerateArray().First();
        Assert.Equal("status_of_existing_checking_account", checking.GetProperty("name").GetString());
        Assert.Equal(3, checking.GetProperty("seedsKept").GetInt32());
        Assert.NotEmpty(checking.GetProperty("bins").EnumerateArray());
    }

    [Theory]
    [InlineData("--seeds", "0", "seeds")]
    [InlineData("--test-fraction", "0.99", "test-fraction")]
    public void Benchmark_refuses_bad_options_with_exit_code_2_naming_the_option(string option, string value, string named)
    {
        var result = CliRunner.Run("benchmark", "--data", German, "--target", "creditability", "--bad", "bad", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Benchmark_json_is_one_document()
    {
        var result = CliRunner.Run("benchmark", "--data", German, "--target", "creditability", "--bad", "bad", "--seeds", "1", "--no-challenger", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(result.Output).RootElement.ValueKind);
    }
}
