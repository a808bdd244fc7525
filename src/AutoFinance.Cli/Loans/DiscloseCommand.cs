using System.CommandLine;
using AutoFinance.Cli.Common;
using AutoFinance.Domain.Disclosure;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Cli.Loans;

/// <summary><c>autofinance disclose</c>: the offer's disclosure document (docs/schemas/loan-disclosure.schema.json).</summary>
public static class DiscloseCommand
{
    public static Command Create(CliContext context)
    {
        var loan = new LoanTermsOptions();
        var json = new Option<bool>("--json") { Description = "Print the JSON disclosure document." };
        var command = new Command("disclose", "Print the disclosure of a loan offer.");
        loan.AddTo(command);
        command.Add(json);
        command.SetAction(parsed =>
        {
            var input = new InputReader();
            var terms = loan.Read(parsed, input, context.Today);
            input.ThrowIfAny();
            var disclosure = DisclosureBuilder.Build(ScheduleBuilder.Build(terms!));
            if (parsed.GetValue(json))
            {
                return context.WriteJson(disclosure);
            }

            DisclosureView.Render(context.Console, disclosure);
            return CliApp.Ok;
        });
        return command;
    }
}
