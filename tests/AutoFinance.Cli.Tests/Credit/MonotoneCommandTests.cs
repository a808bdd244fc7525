using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Challenger;

namespace AutoFinance.Cli.Tests.Credit;

public sealed class MonotoneCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("autofinance-monotone-").FullName;

    private static string German => Path.Combine(CliRunner.RepoRoot(), "datasets", "german-credit", "german-credit.csv");

    [Fact]
    public void Train_holds_the_challenger_to_the_scorecards_trends_and_to_the_columns_named()
    {
        var model = Path.Combine(_dir, "monotone.json");

        var training = CliRunner.Run(
            "train", "--data", German, "--target", "creditability", "--bad", "bad", "--no-tuning", "--folds", "0",
            "--monotone", "trend,age_in_years:decreasing", "--out", model, "--json");

        Assert.Equal(0, training.ExitCode);
        var document = ModelJson.Load(model);
        var monotone = document.Challenger!.Monotone!;
        Assert.Equal(MonotoneDirection.Decreasing, monotone["age_in_years"]);
        Assert.All(
            MonotoneConstraints.FromTrends(document.Characteristics).Where(p => p.Key != "age_in_years"),
            p => Assert.Equal(p.Value, monotone[p.Key]));
    }

    [Fact]
    public void A_direction_that_is_not_increasing_or_decreasing_is_refused_naming_the_option()
    {
        var result = CliRunner.Run("train", "--data", German, "--target", "creditability", "--bad", "bad", "--monotone", "age_in_years:up", "--out", Path.Combine(_dir, "m.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--monotone: 'age_in_years:up'", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
