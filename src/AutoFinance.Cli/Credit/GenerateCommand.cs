using System.CommandLine;
using AutoFinance.Cli.Common;
using AutoFinance.Credit.Synthetic;

namespace AutoFinance.Cli.Credit;

/// <summary>
/// <c>autofinance generate car-loans</c>: writes the SYNTHETIC car-loan application history the default model is
/// trained on (see docs/default-model.md).
/// </summary>
public static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var rows = new Option<string?>("--rows") { Description = "Applications to generate (default 50000)." };
        var seed = new Option<string?>("--seed") { Description = "Seed (default 2026)." };
        var output = new Option<string>("--out") { Description = "CSV file to write.", Required = true };
        var pastPolicy = new Option<string?>("--past-policy-reject-rate")
        {
            Description = "Share an older, cruder policy rejected (e.g. 0.4): adds past_decision and leaves the rejects' outcome empty.",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var carLoans = new Command("car-loans", "Synthetic car-loan applications with a 24-month default flag (clearly labelled synthetic).") { rows, seed, pastPolicy, output, json };
        carLoans.SetAction(parsed =>
        {
            var input = new InputReader();
            var count = input.Integer("rows", parsed.GetValue(rows)) ?? 50_000;
            var seedValue = input.Integer("seed", parsed.GetValue(seed)) ?? 2026;
            if (count is < 100 or > 10_000_000)
            {
                input.Add(new Domain.Validation.FieldError("rows", "must be between 100 and 10000000"));
            }

            var rejectRate = CreditInput.Double(input, "past-policy-reject-rate", parsed.GetValue(pastPolicy));
            if (rejectRate is < 0 or >= 1)
            {
                input.Add(new Domain.Validation.FieldError("past-policy-reject-rate", "must be at least 0 and below 1"));
            }

            if (rejectRate is not null && count > 2_000_000)
            {
                input.Add(new Domain.Validation.FieldError("rows", "at most 2000000 with a past policy (the policy ranks the whole history in memory)"));
            }

            input.ThrowIfAny();
            var path = parsed.GetValue(output)!;
            try
            {
                using var writer = new StreamWriter(path);
                CarLoanHistoryGenerator.WriteCsv(writer, count, seedValue, rejectRate);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new BadInputException($"--out: cannot write '{path}': {e.Message}");
            }

            if (parsed.GetValue(json))
            {
                return context.WriteJson(new { rows = count, seed = seedValue, pastPolicyRejectRate = rejectRate, path = Path.GetFullPath(path) });
            }

            context.Output.WriteLine($"wrote {count} synthetic car-loan applications (seed {seedValue}) to {path}");
            return CliApp.Ok;
        });
        return new Command("generate", "Generate synthetic data.") { carLoans };
    }
}
