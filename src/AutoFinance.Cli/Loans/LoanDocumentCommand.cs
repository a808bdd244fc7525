using System.CommandLine;
using AutoFinance.Cli.Common;
using AutoFinance.Domain.Schedules;
using Spectre.Console;

namespace AutoFinance.Cli.Loans;

/// <summary>A command that reads loan terms, builds the schedule and prints one document made from it.</summary>
public static class LoanDocumentCommand
{
    public static Command Create<T>(CliContext context, string name, string description, Func<RepaymentSchedule, T> document, Action<IAnsiConsole, T> render)
    {
        var loan = new LoanTermsOptions();
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command(name, description);
        loan.AddTo(command);
        command.Add(json);
        command.SetAction(parsed =>
        {
            var input = new InputReader();
            var terms = loan.Read(parsed, input, context.Today);
            input.ThrowIfAny();
            var result = document(ScheduleBuilder.Build(terms!));
            if (parsed.GetValue(json))
            {
                return context.WriteJson(result);
            }

            render(context.Console, result);
            return CliApp.Ok;
        });
        return command;
    }
}
