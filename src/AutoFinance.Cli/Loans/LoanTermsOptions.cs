using System.CommandLine;
using AutoFinance.Cli.Common;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Cli.Loans;

/// <summary>The options that describe a loan, shared by every command that builds a schedule.</summary>
public sealed class LoanTermsOptions
{
    private readonly Option<string> principal = new("--principal") { Description = "Cash principal borrowed (e.g. 100000.00).", Required = true };
    private readonly Option<string> annualRate = new("--annual-rate") { Description = "Nominal annual rate in percent (4.9 means 4.9%).", Required = true };
    private readonly Option<string> term = new("--term") { Description = "Number of monthly instalments (1-120).", Required = true };
    private readonly Option<string> method = new("--method") { Description = RepaymentMethodNames.All, Required = true };
    private readonly Option<string?> balloonPercent = new("--balloon-percent") { Description = "Final balloon as a percentage of principal (balloon method)." };
    private readonly Option<string?> totalFeePercent = new("--total-fee-percent") { Description = "Flat fee over the whole term, percent of principal." };
    private readonly Option<string?> monthlyFeeRate = new("--monthly-fee-rate") { Description = "Flat fee per month, percent of principal." };
    private readonly Option<string?> feeTiming = new("--fee-timing") { Description = "spread|upfront (flat fee; default spread)." };
    private readonly Option<string?> upfrontFee = new("--upfront-fee") { Description = "Fee paid at signing; lowers the net amount advanced." };
    private readonly Option<string?> start = new("--start") { Description = "Disbursement date YYYY-MM-DD (default today)." };
    private readonly Option<string?> firstDue = new("--first-due") { Description = "First due date YYYY-MM-DD (default one month after start)." };
    private readonly Option<string?> dayCount = new("--day-count") { Description = "30/360|actual/360|actual/365|actual/actual (default 30/360)." };
    private readonly Option<string?> currency = new("--currency") { Description = "ISO currency code (default CNY)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { principal, annualRate, term, method, balloonPercent, totalFeePercent, monthlyFeeRate, feeTiming, upfrontFee, start, firstDue, dayCount, currency })
        {
            command.Add(option);
        }
    }

    /// <summary>Reads the loan terms, adding every problem to <paramref name="input"/>; null when any is wrong.</summary>
    public LoanTerms? Read(ParseResult parsed, InputReader input, DateOnly today)
    {
        var p = input.Decimal("principal", parsed.GetValue(principal));
        var r = input.Decimal("annual-rate", parsed.GetValue(annualRate));
        var n = input.Integer("term", parsed.GetValue(term));
        var m = RepaymentMethodNames.Parse(parsed.GetValue(method));
        if (m is null)
        {
            input.Add(new FieldError("method", $"'{parsed.GetValue(method)}' is not one of {RepaymentMethodNames.All}"));
        }

        var balloon = input.Decimal("balloon-percent", parsed.GetValue(balloonPercent));
        var totalFee = input.Decimal("total-fee-percent", parsed.GetValue(totalFeePercent));
        var monthlyFee = input.Decimal("monthly-fee-rate", parsed.GetValue(monthlyFeeRate));
        var timing = ReadTiming(parsed.GetValue(feeTiming), input);
        var upfront = input.Decimal("upfront-fee", parsed.GetValue(upfrontFee));
        var startDate = input.Date("start", parsed.GetValue(start)) ?? today;
        var firstDueDate = input.Date("first-due", parsed.GetValue(firstDue));
        var dc = input.DayCount("day-count", parsed.GetValue(dayCount));
        var cur = ReadCurrency(parsed.GetValue(currency), input);
        if (totalFee is not null && monthlyFee is not null)
        {
            input.Add(new FieldError("total-fee-percent", "give either --total-fee-percent or --monthly-fee-rate, not both"));
        }

        if (input.Errors.Count > 0 || p is null || r is null || n is null || m is null)
        {
            return null;
        }

        var flatFee = (totalFee, monthlyFee) switch
        {
            ({ } total, null) => FlatFee.TotalPercent(total, timing),
            (null, { } monthly) => FlatFee.MonthlyPercent(monthly, n.Value, timing),
            _ => null,
        };

        var terms = new LoanTerms
        {
            Principal = p.Value,
            AnnualRate = r.Value / 100m,
            TermMonths = n.Value,
            Method = m.Value,
            StartDate = startDate,
            FirstDueDate = firstDueDate,
            Currency = cur,
            DayCount = dc ?? Domain.Calendar.DayCountConvention.Thirty360,
            BalloonFraction = (balloon ?? 0m) / 100m,
            FlatFee = flatFee,
            UpfrontFee = upfront ?? 0m,
        };

        var feeOption = monthlyFee is null ? "total-fee-percent" : "monthly-fee-rate";
        var problems = LoanTermsValidator.Validate(terms);
        foreach (var error in problems)
        {
            input.Add(error with { Field = CliName(error.Field, feeOption) });
        }

        if (problems.Count == 0 && FlatFeeLimit.Check(terms) is { } feeTooHigh)
        {
            input.Add(feeTooHigh with { Field = feeOption });
        }

        return input.Errors.Count > 0 ? null : terms;
    }

    private static FeeTiming ReadTiming(string? text, InputReader input)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "spread": return FeeTiming.Spread;
            case "upfront": return FeeTiming.Upfront;
            default:
                input.Add(new FieldError("fee-timing", $"'{text}' is not one of spread, upfront"));
                return FeeTiming.Spread;
        }
    }

    private static Currency ReadCurrency(string? code, InputReader input)
    {
        if (code is null)
        {
            return Currency.Cny;
        }

        try
        {
            return Currency.FromCode(code);
        }
        catch (ArgumentException)
        {
            input.Add(new FieldError("currency", $"'{code}' is not a supported currency"));
            return Currency.Cny;
        }
    }

    /// <summary>The option name for a domain field name.</summary>
    private static string CliName(string field, string feeOption) => field switch
    {
        "annualRate" => "annual-rate",
        "firstDue" => "first-due",
        "balloonPercent" => "balloon-percent",
        "upfrontFee" => "upfront-fee",
        "flatFee" => feeOption,
        _ => field,
    };
}
