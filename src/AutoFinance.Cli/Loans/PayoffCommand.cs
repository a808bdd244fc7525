using System.CommandLine;
using System.Globalization;
using AutoFinance.Cli.Common;
using AutoFinance.Domain.Payoff;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Cli.Loans;

/// <summary><c>autofinance payoff</c>: the amount that pays a loan off on a date, with its parts.</summary>
public static class PayoffCommand
{
    public sealed record Document(DateOnly On, decimal Payoff, decimal Principal, decimal Interest, decimal Fees, DateOnly InterestFrom, int InstallmentsPaid);

    public static Command Create(CliContext context)
    {
        var loan = new LoanTermsOptions();
        var paid = new Option<string>("--installments-paid") { Description = "Instalments already paid.", Required = true };
        var on = new Option<string>("--on") { Description = "Payoff date YYYY-MM-DD.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command("payoff", "Quote the payoff of a loan on a date.");
        loan.AddTo(command);
        command.Add(paid);
        command.Add(on);
        command.Add(json);
        command.SetAction(parsed =>
        {
            var input = new InputReader();
            var terms = loan.Read(parsed, input, context.Today);
            var k = input.Integer("installments-paid", parsed.GetValue(paid));
            var date = input.Date("on", parsed.GetValue(on));
            if (k < 0)
            {
                input.Add(new FieldError("installments-paid", "must not be negative"));
            }

            input.ThrowIfAny();
            var schedule = ScheduleBuilder.Build(terms!);
            var result = PayoffCalculator.Quote(schedule, k!.Value, date!.Value, terms!.DayCount);
            if (result.Error is { } error)
            {
                throw new BadInputException($"--{Kebab(error.Field)}: {error.Message}");
            }

            var q = result.Quote!;
            var c = terms.Currency;
            var document = new Document(q.On, c.Normalize(q.Payoff), c.Normalize(q.Principal), c.Normalize(q.Interest), c.Normalize(q.Fees), q.InterestFrom, k.Value);
            if (parsed.GetValue(json))
            {
                return context.WriteJson(document);
            }

            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Payoff on {q.On:yyyy-MM-dd}: {c.Code} {document.Payoff:N2} = principal {document.Principal:N2} + interest {document.Interest:N2} (from {q.InterestFrom:yyyy-MM-dd}) + fees {document.Fees:N2}"));
            return CliApp.Ok;
        });
        return command;
    }

    internal static string Kebab(string field) => field switch
    {
        "installmentsPaid" => "installments-paid",
        _ => field,
    };
}
