namespace AutoFinance.Cli.Tests.Insight;

public sealed class InsightCommandTests
{
    [Theory]
    [InlineData("x", "--market-rate: 'x' is not a number")]
    [InlineData("80", "--market-rate: must be between 0 and 50 (percent)")]
    public void A_bad_market_rate_is_refused_naming_the_option(string rate, string message)
    {
        var result = CliRunner.Run("insight", "refresh", "--market-rate", rate, "--connection", "Data Source=/nonexistent/af.db");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_that_does_not_exist_is_refused_naming_the_connection()
    {
        var result = CliRunner.Run("insight", "refresh", "--connection", $"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "af.db")}");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --connection:", result.Error, StringComparison.Ordinal);
    }
}
