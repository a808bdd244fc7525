using NJsonSchema;

namespace AutoFinance.Cli.Tests;

public class PayoffAndDisclosureTests
{
    [Fact]
    public void Payoff_json_gives_the_amount_and_its_parts()
    {
        var result = CliRunner.Run("payoff", "--principal", "100000", "--annual-rate", "4.9", "--term", "120", "--method", "annuity", "--start", "2026-01-10",
            "--installments-paid", "2", "--on", "2026-03-25", "--day-count", "actual/365", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.Equal(98_897.50m, json.GetProperty("payoff").GetDecimal());
        Assert.Equal(98_702.48m, json.GetProperty("principal").GetDecimal());
        Assert.Equal(195.02m, json.GetProperty("interest").GetDecimal());
        Assert.Equal(0.00m, json.GetProperty("fees").GetDecimal());
    }

    [Fact]
    public void Prepay_keeping_the_payment_prints_a_shorter_schedule()
    {
        var result = CliRunner.Run("prepay", "--principal", "100000", "--annual-rate", "4.9", "--term", "36", "--method", "annuity", "--start", "2026-01-10",
            "--installments-paid", "12", "--amount", "20000", "--keep", "payment", "--json");

        Assert.Equal(0, result.ExitCode);
        var rows = result.Json.GetProperty("installments");
        Assert.True(rows.GetArrayLength() < 24);
        Assert.Equal(13, rows[0].GetProperty("number").GetInt32());
    }

    [Theory]
    [InlineData("annuity")]
    [InlineData("balloon", "--balloon-percent", "25")]
    [InlineData("flat-fee", "--total-fee-percent", "8", "--fee-timing", "upfront")]
    [InlineData("flat-fee", "--monthly-fee-rate", "0.5")]
    [InlineData("equal-principal", "--upfront-fee", "800")]
    [InlineData("interest-only")]
    public async Task Disclosure_document_validates_against_the_published_schema(string method, params string[] extra)
    {
        string[] args = ["disclose", "--principal", "120000", "--annual-rate", method == "flat-fee" ? "0" : "5.5", "--term", "36", "--method", method, "--start", "2026-01-15", "--first-due", "2026-03-01", "--json", .. extra];
        var result = CliRunner.Run(args);
        Assert.Equal(0, result.ExitCode);

        var schema = await JsonSchema.FromFileAsync(Path.Combine(CliRunner.RepoRoot(), "docs", "schemas", "loan-disclosure.schema.json"));
        var errors = schema.Validate(result.Output);

        Assert.Empty(errors);
        if (method == "flat-fee")
        {
            // The true rate exceeds the fee rate annualised flat (total over 3 years, or monthly × 12).
            var fee = result.Json.GetProperty("flatFee");
            var stated = fee.GetProperty("statedRatePercent").GetDecimal();
            var flatAnnual = fee.GetProperty("basis").GetString() == "monthly" ? stated * 12m : stated / 3m;
            Assert.True(fee.GetProperty("trueAprPercent").GetDecimal() > flatAnnual);
        }
    }

    [Fact]
    public async Task Schema_rejects_a_disclosure_missing_its_annualised_rate()
    {
        var result = CliRunner.Run("disclose", "--principal", "1000", "--annual-rate", "5", "--term", "6", "--method", "annuity", "--start", "2026-01-15", "--json");
        var broken = result.Output.Replace("\"aprPercent\"", "\"apr\"", StringComparison.Ordinal);

        var schema = await JsonSchema.FromFileAsync(Path.Combine(CliRunner.RepoRoot(), "docs", "schemas", "loan-disclosure.schema.json"));

        Assert.NotEmpty(schema.Validate(broken));
    }
}
