namespace AutoFinance.Cli.Tests.Credit;

public sealed class CreditBadInputTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"autofinance-bad-{Guid.NewGuid():N}");

    public CreditBadInputTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("x,outcome\n1,0\n2,1\n", "default", "the target column 'default' is not in the file")]
    [InlineData("x,default\n1,0\n2,3\n3,1\n", "default", "is not binary")]
    [InlineData("", "default", "the file is empty")]
    [InlineData("x,default\n1,0\n2,1,7\n", "default", "ragged file")]
    [InlineData("x,default\n1,0\n2,0\n", "default", "one class only")]
    public void Train_refuses_unusable_files_with_exit_2_and_one_line(string csv, string target, string expected)
    {
        var data = Path.Combine(_directory, "data.csv");
        File.WriteAllText(data, csv);

        var result = CliRunner.Run("train", "--data", data, "--target", target, "--out", Path.Combine(_directory, "m.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(_directory, "m.json")));
    }

    [Fact]
    public void Train_names_every_bad_option_at_once()
    {
        var data = Path.Combine(_directory, "data.csv");
        File.WriteAllText(data, "x,bad\n1,0\n2,1\n");

        var result = CliRunner.Run("train", "--data", data, "--target", "bad", "--out", Path.Combine(_directory, "m.json"), "--max-bins", "0", "--test-fraction", "abc", "--model", "forest");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--model", result.Error, StringComparison.Ordinal);
        Assert.Contains("--test-fraction", result.Error, StringComparison.Ordinal);
        Assert.Contains("--max-bins", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_file_is_named()
    {
        var result = CliRunner.Run("train", "--data", Path.Combine(_directory, "nope.csv"), "--target", "bad", "--out", Path.Combine(_directory, "m.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.csv' does not exist", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--exclude", "x,incom")]
    [InlineData("--categorical", "regoin")]
    public void A_column_an_option_names_that_the_file_lacks_is_a_typo_refused(string option, string columns)
    {
        var data = Path.Combine(_directory, "typo.csv");
        File.WriteAllText(data, "x,income,region,bad\n1,100,11,0\n2,200,12,1\n");

        var result = CliRunner.Run("train", "--data", data, "--target", "bad", option, columns, "--out", Path.Combine(_directory, "m.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {option}: the column '{columns.Split(',')[^1]}' is not in the file (columns: x, income, region, bad)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_refuses_a_file_that_is_not_a_model()
    {
        var model = Path.Combine(_directory, "model.json");
        File.WriteAllText(model, "[1, 2, 3]");
        var data = Path.Combine(_directory, "data.csv");
        File.WriteAllText(data, "x,bad\n1,0\n2,1\n");

        var result = CliRunner.Run("evaluate", "--model", model, "--data", data, "--target", "bad");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a model document", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_of_numbers_with_one_stray_word_is_named_with_its_line_and_still_trains()
    {
        var data = Path.Combine(_directory, "stray.csv");
        var lines = new List<string> { "income,age,bad" };
        for (var i = 0; i < 600; i++)
        {
            var income = i == 41 ? "abc" : (3_000 + (i * 37 % 500) * 40).ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines.Add($"{income},{20 + i % 45},{(i * 37 % 500 < 150 ? 1 : 0)}");
        }

        File.WriteAllLines(data, lines);
        var model = Path.Combine(_directory, "stray.json");

        var result = CliRunner.Run("train", "--data", data, "--target", "bad", "--out", model);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: income holds numbers, but 1 of its 600 values is not a number (first 'abc' on line 43), so it was", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("warning: age", result.Error, StringComparison.Ordinal);
        Assert.Contains("\"textInNumbers\"", File.ReadAllText(model), StringComparison.Ordinal);
    }
}
