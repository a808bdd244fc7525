using System.CommandLine;
using System.Globalization;
using AutoFinance.Cli.Common;
using AutoFinance.Domain.Rates;

namespace AutoFinance.Cli.Rates;

/// <summary><c>autofinance apr --cashflows FILE.json</c>: the annualised rate of any cash-flow schedule.</summary>
public static class AprCommand
{
    public sealed record Document(decimal Apr, decimal EffectiveAnnualRate, string Method, string UnitPeriod, double PeriodicRate);

    public static Command Create(CliContext context)
    {
        var file = new Option<string>("--cashflows") { Description = "JSON file of advances and payments.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command("apr", "Annualised rate of a cash-flow schedule (Regulation Z Appendix J or EU APRC).") { file, json };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(file)!;
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new BadInputException($"--cashflows: cannot read '{path}': {ex.Message}");
            }

            var flows = CashFlowFile.Parse(text);
            var result = flows.Eu
                ? EuAprc.Compute(flows.Advances, flows.Payments, flows.EuTimeBasis)
                : AppendixJ.Apr(flows.Advances, flows.Payments, flows.UnitPeriod);
            if (!result.Found)
            {
                throw new BadInputException($"--cashflows: {result.Problem}");
            }

            var advanced = flows.Advances.Sum(a => a.Amount);
            var repaid = flows.Payments.Sum(p => p.Amount);
            if (repaid < advanced)
            {
                // A rate is found, but a loan whose payments come to less than it advanced is almost always a file
                // with an amount missing or mistyped: say so beside the answer.
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warning: the payments come to {repaid:0.00}, less than the {advanced:0.00} advanced, so the rate is negative; check the file for a missing or mistyped amount"));
            }

            var document = new Document(
                Math.Round(result.AprPercent, 6),
                Math.Round(result.EffectiveAnnualPercent, 6),
                flows.Eu ? "eu" : "us-actuarial",
                flows.Eu ? "year" : result.UnitPeriod.ToString(),
                result.PeriodicRate);
            if (parsed.GetValue(json))
            {
                return context.WriteJson(document);
            }

            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"APR {document.Apr:F4}%   effective annual rate {document.EffectiveAnnualRate:F4}%   ({document.Method}, unit-period {document.UnitPeriod})"));
            return CliApp.Ok;
        });
        return command;
    }
}
