namespace AutoFinance.Cli.Tests.Credit;

/// <summary><c>train --rejects</c>: a history screened by a past policy, the accepts with outcomes and the rejects without.</summary>
public sealed class RejectInferenceCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("autofinance-rejects-").FullName;

    [Theory]
    [InlineData("parcelling")]
    [InlineData("fuzzy")]
    public void Training_with_a_rejects_file_labels_the_rejects_riskier_than_the_accepts_and_records_how(string method)
    {
        var (accepts, rejects) = History();
        var model = Path.Combine(_dir, $"{method}.json");

        var training = CliRunner.Run(
            "train", "--data", accepts, "--target", "defaulted", "--rejects", rejects, "--inference", method, "--uplift", "2",
            "--no-challenger", "--folds", "0", "--out", model, "--json");

        Assert.Equal(0, training.ExitCode);
        var inference = training.Json.GetProperty("rejectInference");
        Assert.Equal(method, inference.GetProperty("method").GetString());
        Assert.Equal(1200, inference.GetProperty("rejects").GetInt32());
        Assert.True(
            inference.GetProperty("rejectsBadRate").GetDouble() > 1.5 * inference.GetProperty("acceptsBadRate").GetDouble(),
            "the past policy turned the riskier applicants away, and the uplift counts them riskier still");
        // Above chance, not the full population's 0.81: 2,800 accepts of a policy-truncated history with about 5% bad.
        Assert.InRange(training.Json.GetProperty("auc").GetDouble(), 0.55, 1);
        Assert.Equal(0, CliRunner.Run("score", "--model", model, "--data", rejects, "--out", Path.Combine(_dir, $"{method}.scored.csv")).ExitCode);
    }

    [Fact]
    public void Fuzzy_augmentation_with_the_challenger_and_an_inference_without_rejects_are_refused_naming_the_option()
    {
        var (accepts, rejects) = History();

        var fuzzyWithChallenger = CliRunner.Run("train", "--data", accepts, "--target", "defaulted", "--rejects", rejects, "--inference", "fuzzy", "--out", Path.Combine(_dir, "m.json"));
        var withoutRejects = CliRunner.Run("train", "--data", accepts, "--target", "defaulted", "--inference", "parcelling", "--out", Path.Combine(_dir, "m.json"));
        var unknown = CliRunner.Run("train", "--data", accepts, "--target", "defaulted", "--rejects", rejects, "--inference", "guess", "--out", Path.Combine(_dir, "m.json"));

        Assert.Equal(2, fuzzyWithChallenger.ExitCode);
        Assert.Contains("--inference: fuzzy augmentation trains the scorecard only", fuzzyWithChallenger.Error, StringComparison.Ordinal);
        Assert.Equal(2, withoutRejects.ExitCode);
        Assert.Contains("--inference: needs --rejects", withoutRejects.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("'guess' is not parcelling or fuzzy", unknown.Error, StringComparison.Ordinal);
    }

    /// <summary>4,000 synthetic applications, 30% rejected by a past policy, split into an accepts file and a rejects file.</summary>
    private (string Accepts, string Rejects) History()
    {
        var history = Path.Combine(_dir, "history.csv");
        Assert.Equal(0, CliRunner.Run("generate", "car-loans", "--rows", "4000", "--seed", "11", "--past-policy-reject-rate", "0.3", "--out", history).ExitCode);
        var lines = File.ReadAllLines(history);
        var accepts = Path.Combine(_dir, "accepts.csv");
        var rejects = Path.Combine(_dir, "rejects.csv");
        File.WriteAllLines(accepts, [lines[0], .. lines[1..].Where(l => l.EndsWith(",accepted", StringComparison.Ordinal))]);
        File.WriteAllLines(rejects, [lines[0], .. lines[1..].Where(l => l.EndsWith(",rejected", StringComparison.Ordinal))]);
        return (accepts, rejects);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
