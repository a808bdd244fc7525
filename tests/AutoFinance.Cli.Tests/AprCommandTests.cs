namespace AutoFinance.Cli.Tests;

public class AprCommandTests
{
    private static string Monthly(int count, decimal amount, string first)
    {
        var start = DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        return string.Join(",", Enumerable.Range(0, count).Select(k => $$"""{"date":"{{start.AddMonths(k):yyyy-MM-dd}}","amount":"{{amount}}"}"""));
    }

    [Fact]
    public void Us_actuarial_apr_finds_the_unit_period_itself()
    {
        // Regulation Z Appendix J (c)(1)(i): 5,000 advanced, 24 monthly payments of 230: 9.69%.
        var file = CliRunner.TempJson($$"""{"advances":[{"date":"1978-01-10","amount":"5000.00"}],"payments":[{{Monthly(24, 230m, "1978-02-10")}}],"method":"us-actuarial"}""");
        var result = CliRunner.Run("apr", "--cashflows", file, "--json");

        Assert.Equal(0, result.ExitCode);
        var apr = result.Json.GetProperty("apr").GetDecimal();
        Assert.Equal(9.69m, Math.Round(apr, 2));
        Assert.True(apr != Math.Round(apr, 2), "the APR is printed to at least four decimals");
        Assert.Equal(10.13m, Math.Round(result.Json.GetProperty("effectiveAnnualRate").GetDecimal(), 2));
    }

    [Fact]
    public void Payments_short_of_the_advance_give_a_negative_rate_with_a_warning()
    {
        // 12 payments of 80 repay 960 of 1,000: the rate is negative, which a real loan never is.
        var file = CliRunner.TempJson($$"""{"advances":[{"date":"2026-01-10","amount":"1000"}],"payments":[{{Monthly(12, 80m, "2026-02-10")}}]}""");
        var result = CliRunner.Run("apr", "--cashflows", file, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Json.GetProperty("apr").GetDecimal() < 0);
        Assert.Contains("warning: the payments come to 960.00, less than the 1000.00 advanced", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", CliRunner.Run("apr", "--cashflows", CliRunner.TempJson($$"""{"advances":[{"date":"2026-01-10","amount":"1000"}],"payments":[{{Monthly(12, 90m, "2026-02-10")}}]}""")).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_given_unit_period_and_multiple_are_used()
    {
        // Appendix J (c)(1)(iv): quarterly payments, long first period: 8.97%.
        var payments = string.Join(",", Enumerable.Range(0, 40).Select(k => $$"""{"date":"{{new DateOnly(1978, 10, 1).AddMonths(3 * k):yyyy-MM-dd}}","amount":"385"}"""));
        var file = CliRunner.TempJson($$"""{"advances":[{"date":"1978-05-23","amount":"10000"}],"payments":[{{payments}}],"unitPeriod":"month","unitPeriodMultiple":3}""");

        Assert.Equal(8.97m, Math.Round(CliRunner.Run("apr", "--cashflows", file, "--json").Json.GetProperty("apr").GetDecimal(), 2));
    }

    [Fact]
    public void Eu_method_takes_years_instead_of_dates()
    {
        var file = CliRunner.TempJson("""{"advances":[{"years":0,"amount":"1000"}],"payments":[{"years":1.5,"amount":"1200"}],"method":"eu"}""");
        var result = CliRunner.Run("apr", "--cashflows", file, "--json");

        Assert.Equal(0, result.ExitCode);
        // (1200/1000)^(1/1.5) − 1 = 12.9243%.
        Assert.Equal(12.9243m, Math.Round(result.Json.GetProperty("apr").GetDecimal(), 4));
        Assert.Equal(result.Json.GetProperty("apr").GetDecimal(), result.Json.GetProperty("effectiveAnnualRate").GetDecimal());
    }

    [Fact]
    public void Eu_method_with_dates_and_equal_months()
    {
        var file = CliRunner.TempJson("""{"advances":[{"date":"1994-01-01","amount":"1000"}],"payments":[{"date":"1995-07-01","amount":"1200"}],"method":"eu","euTimeBasis":"actual365"}""");

        Assert.Equal(12.96m, Math.Round(CliRunner.Run("apr", "--cashflows", file, "--json").Json.GetProperty("apr").GetDecimal(), 2));
    }
}
