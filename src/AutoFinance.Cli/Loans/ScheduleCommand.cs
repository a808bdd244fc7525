using System.CommandLine;
using AutoFinance.Cli.Common;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Cli.Loans;

/// <summary><c>autofinance schedule</c>: a full schedule with totals and annualised rates.</summary>
public static class ScheduleCommand
{
    public static Command Create(CliContext context)
    {
        var loan = new LoanTermsOptions();
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command("schedule", "Build a repayment schedule with totals and annualised rates.");
        loan.AddTo(command);
        command.Add(json);
        command.SetAction(parsed =>
        {
            var input = new InputReader();
            var terms = loan.Read(parsed, input, context.Today);
            input.ThrowIfAny();
            var document = ScheduleView.ToDocument(ScheduleBuilder.Build(terms!));
            if (parsed.GetValue(json))
            {
                return context.WriteJson(document);
            }

            ScheduleView.Render(context.Console, document);
            return CliApp.Ok;
        });
        return command;
    }
}
