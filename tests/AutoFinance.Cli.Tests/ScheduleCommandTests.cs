namespace AutoFinance.Cli.Tests;

public class ScheduleCommandTests
{
    [Fact]
    public void Schedule_json_follows_the_contract_to_the_cent()
    {
        var result = CliRunner.Run("schedule", "--principal", "10000", "--annual-rate", "4.9", "--term", "36", "--method", "annuity", "--start", "2026-01-10", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        var first = json.GetProperty("installments")[0];
        Assert.Equal(1, first.GetProperty("number").GetInt32());
        Assert.Equal("2026-02-10", first.GetProperty("dueDate").GetString());
        Assert.Equal(299.26m, first.GetProperty("payment").GetDecimal());
        Assert.Equal(258.43m, first.GetProperty("principal").GetDecimal());
        Assert.Equal(40.83m, first.GetProperty("interest").GetDecimal());
        Assert.Equal(0m, first.GetProperty("fee").GetDecimal());
        Assert.Equal(9741.57m, first.GetProperty("balance").GetDecimal());
        Assert.Equal(36, json.GetProperty("installments").GetArrayLength());
        var totals = json.GetProperty("totals");
        Assert.Equal((10773.38m, 10000.00m, 773.38m, 0m), (totals.GetProperty("payment").GetDecimal(), totals.GetProperty("principal").GetDecimal(), totals.GetProperty("interest").GetDecimal(), totals.GetProperty("fees").GetDecimal()));
        Assert.Equal(4.90m, Math.Round(json.GetProperty("apr").GetDecimal(), 2));
        Assert.Equal(5.01m, Math.Round(json.GetProperty("effectiveAnnualRate").GetDecimal(), 2));
    }

    [Fact]
    public void Flat_fee_schedule_takes_a_monthly_fee_rate_and_shows_its_real_rate()
    {
        var result = CliRunner.Run("schedule", "--principal", "100000", "--annual-rate", "0", "--term", "12", "--method", "flat-fee", "--monthly-fee-rate", "0.6", "--start", "2026-01-10", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(7200.00m, result.Json.GetProperty("totals").GetProperty("fees").GetDecimal());
        Assert.Equal(13.03m, Math.Round(result.Json.GetProperty("apr").GetDecimal(), 2));
    }

    [Fact]
    public void Upfront_fee_and_balloon_options_shape_the_schedule()
    {
        var result = CliRunner.Run("schedule", "--principal", "100000", "--annual-rate", "6", "--term", "36", "--method", "balloon", "--balloon-percent", "30",
            "--upfront-fee", "1000", "--start", "2026-01-15", "--first-due", "2026-03-01", "--day-count", "actual/365", "--json");

        Assert.Equal(0, result.ExitCode);
        var rows = result.Json.GetProperty("installments");
        Assert.Equal("2026-03-01", rows[0].GetProperty("dueDate").GetString());
        Assert.True(rows[35].GetProperty("payment").GetDecimal() > 30000m);
        Assert.True(result.Json.GetProperty("apr").GetDecimal() > 6m);
    }

    [Fact]
    public void Default_output_is_a_table_with_totals()
    {
        var result = CliRunner.Run("schedule", "--principal", "10000", "--annual-rate", "4.9", "--term", "3", "--method", "equal-principal", "--start", "2026-01-10");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3,333.34", result.Output, StringComparison.Ordinal);
        Assert.Contains("total", result.Output, StringComparison.Ordinal);
        Assert.Contains("APR", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_date_defaults_to_today()
    {
        var result = CliRunner.Run("schedule", "--principal", "1000", "--annual-rate", "5", "--term", "1", "--method", "annuity", "--json");

        Assert.Equal("2026-12-24", result.Json.GetProperty("installments")[0].GetProperty("dueDate").GetString());
    }
}
