namespace AutoFinance.Cli.Tests;

/// <summary>Every bad input ends with exit code 2 and one line naming the problem, never a stack trace.</summary>
public class BadInputTests
{
    private static readonly string[] Loan = ["--principal", "10000", "--annual-rate", "4.9", "--term", "36", "--method", "annuity", "--start", "2026-01-10"];

    private static string[] With(string command, params string[] changes)
    {
        var args = new List<string>(Loan);
        for (var i = 0; i < changes.Length; i += 2)
        {
            var at = args.IndexOf(changes[i]);
            if (at >= 0)
            {
                args[at + 1] = changes[i + 1];
            }
            else
            {
                args.Add(changes[i]);
                args.Add(changes[i + 1]);
            }
        }

        args.Insert(0, command);
        return [.. args];
    }

    private static void AssertRejected(CliRunner.Result result, string names)
    {
        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(names, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Theory]
    [InlineData("--principal", "abc", "--principal: 'abc' is not a number")]
    [InlineData("--principal", "1e30", "--principal: '1e30' is too large")]
    [InlineData("--principal", "-5000", "--principal: must be greater than zero")]
    [InlineData("--principal", "0", "--principal: must be greater than zero")]
    [InlineData("--annual-rate", "-1", "--annual-rate: must not be negative")]
    [InlineData("--annual-rate", "x%", "--annual-rate: 'x%' is not a number")]
    [InlineData("--term", "0", "--term: must be between 1 and 120 months")]
    [InlineData("--term", "121", "--term: must be between 1 and 120 months")]
    [InlineData("--term", "12.5", "--term: '12.5' is not a whole number")]
    [InlineData("--method", "lease", "--method: 'lease' is not one of")]
    [InlineData("--first-due", "2026-01-01", "--first-due: must be after the start date")]
    [InlineData("--start", "2026-13-01", "--start: '2026-13-01' is not a date")]
    [InlineData("--day-count", "30/365", "--day-count: '30/365' is not one of")]
    public void Schedule_rejects_bad_loan_terms(string option, string value, string message)
    {
        AssertRejected(CliRunner.Run(With("schedule", option, value)), message);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("150")]
    public void Balloon_of_the_whole_principal_or_more_is_rejected(string percent)
    {
        AssertRejected(CliRunner.Run(With("schedule", "--method", "balloon", "--balloon-percent", percent)), "--balloon-percent: must be less than 100% of the principal");
    }

    [Theory]
    [InlineData("schedule", "--total-fee-percent", "500", "--total-fee-percent: must be at most 54% over 36 months (18% of the principal a year)")]
    [InlineData("disclose", "--total-fee-percent", "55", "--total-fee-percent: must be at most 54% over 36 months")]
    [InlineData("schedule", "--monthly-fee-rate", "3", "--monthly-fee-rate: must be at most 1.5% a month")]
    [InlineData("payoff", "--monthly-fee-rate", "1.51", "--monthly-fee-rate: must be at most 1.5% a month")]
    public void A_flat_fee_costing_more_than_courts_protect_is_refused(string command, string option, string value, string message)
    {
        var args = With(command, "--method", "flat-fee", "--annual-rate", "0", option, value, "--installments-paid", "1", "--on", "2026-03-01");
        AssertRejected(CliRunner.Run(command == "payoff" ? args : args[..^4]), message);
    }

    [Fact]
    public void A_flat_fee_at_the_limit_is_scheduled()
    {
        var result = CliRunner.Run(With("schedule", "--method", "flat-fee", "--annual-rate", "0", "--monthly-fee-rate", "1.5"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Every_problem_is_named_at_once()
    {
        AssertRejected(CliRunner.Run(With("schedule", "--principal", "-1", "--term", "0")), "--principal: must be greater than zero; --term: must be between 1 and 120 months");
    }

    [Fact]
    public void Missing_and_unknown_options_are_named()
    {
        AssertRejected(CliRunner.Run("schedule", "--principal", "1000"), "--annual-rate");
        AssertRejected(CliRunner.Run(With("schedule", "--colour", "red")), "--colour");
    }

    [Fact]
    public void Payoff_rejects_bad_dates_and_counts()
    {
        AssertRejected(CliRunner.Run(With("payoff", "--installments-paid", "3", "--on", "2026-02-01")), "--on: must be on or after 2026-04-10");
        AssertRejected(CliRunner.Run(With("payoff", "--installments-paid", "37", "--on", "2029-02-01")), "--installments-paid: must be between 0 and 36");
        AssertRejected(CliRunner.Run(With("payoff", "--installments-paid", "-1", "--on", "2026-02-01")), "--installments-paid: must not be negative");
        AssertRejected(CliRunner.Run(With("payoff", "--installments-paid", "2", "--on", "soon")), "--on: 'soon' is not a date");
        // Instalment 3 (due 2026-04-10) unpaid 180 days: the loan is written off on 2026-10-07, so there is no payoff after it.
        AssertRejected(CliRunner.Run(With("payoff", "--installments-paid", "2", "--on", "2026-10-08")), "--on: the loan is written off at the close of 2026-10-07");
    }

    [Fact]
    public void Apr_rejects_malformed_json()
    {
        AssertRejected(CliRunner.Run("apr", "--cashflows", CliRunner.TempJson("{\"advances\": [")), "cash-flow file is not valid JSON");
    }

    [Fact]
    public void Apr_rejects_a_missing_file()
    {
        AssertRejected(CliRunner.Run("apr", "--cashflows", "/nonexistent/flows.json"), "--cashflows: cannot read");
    }

    [Theory]
    [InlineData("""{"advances":[{"date":"2026-01-01","amount":"1000"}],"payments":[{"date":"2026-01-01","amount":"2000"}]}""", "no interest rate makes the payments equal the advances")]
    [InlineData("""{"advances":[{"date":"2026-01-01","amount":"1000"}],"payments":[]}""", "payments: must be a non-empty array")]
    [InlineData("""{"advances":[{"date":"2026-01-01","amount":"-1000"}],"payments":[{"date":"2026-02-01","amount":"2000"}]}""", "advances[0].amount: must be greater than zero")]
    [InlineData("""{"advances":[{"date":"2026-01-01","amount":"ten"}],"payments":[{"date":"2026-02-01","amount":"2000"}]}""", "advances[0].amount: 'ten' is not a number")]
    [InlineData("""{"advances":[{"date":"01/01/2026","amount":"1000"}],"payments":[{"date":"2026-02-01","amount":"2000"}]}""", "advances[0].date")]
    [InlineData("""{"advances":[{"date":"2026-01-01","amount":"1000"}],"payments":[{"date":"2026-02-01","amount":"1010"}],"method":"uk"}""", "method: 'uk' is not one of us-actuarial, eu")]
    [InlineData("""{"advances":[{"date":"2026-01-01","amount":"1000"}],"payments":[{"date":"2026-02-01","amount":"1010"}],"unitPeriod":"fortnight"}""", "unitPeriod: 'fortnight'")]
    [InlineData("""{"advances":[{"date":"2026-03-01","amount":"1000"}],"payments":[{"date":"2026-02-01","amount":"1010"}]}""", "payments: a payment is dated before the first advance")]
    public void Apr_rejects_cash_flows_it_cannot_solve(string json, string message)
    {
        AssertRejected(CliRunner.Run("apr", "--cashflows", CliRunner.TempJson(json)), message);
    }

    [Fact]
    public void The_real_command_exits_2_without_a_stack_trace()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "autofinance.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [cli, "schedule", "--principal", "abc", "--annual-rate", "4.9", "--term", "36", "--method", "annuity"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        Assert.Equal("error: --principal: 'abc' is not a number", error.Trim());
    }

    [Fact]
    public void The_payments_benchmark_refuses_fewer_loans_than_clients_and_no_postings_before_starting_anything()
    {
        var result = CliRunner.Run("bench", "payments", "--clients", "8", "--loans", "4", "--postings", "0", "--web", "no-such.dll");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--loans: must be at least --clients (8)", result.Error, StringComparison.Ordinal);
        Assert.Contains("--postings", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("no-such.dll", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_that_cannot_be_reached_is_named_in_one_line()
    {
        var result = CliRunner.Run("bench", "cob", "--loans", "10", "--provider", "postgresql", "--connection", "Host=127.0.0.1;Port=1;Username=postgres;Database=unreachable");

        Assert.Equal(CliApp.Failure, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("127.0.0.1:1", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
