using System.CommandLine;
using AutoFinance.Cli.Common;
using AutoFinance.Domain.Payoff;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Cli.Loans;

/// <summary><c>autofinance prepay</c>: a partial prepayment on a due date and the re-amortised schedule it leaves.</summary>
public static class PrepayCommand
{
    public static Command Create(CliContext context)
    {
        var loan = new LoanTermsOptions();
        var paid = new Option<string>("--installments-paid") { Description = "Instalments paid, the last one on the prepayment date.", Required = true };
        var amount = new Option<string>("--amount") { Description = "Principal prepaid.", Required = true };
        var keep = new Option<string?>("--keep") { Description = "term|payment: what stays the same (default term)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command("prepay", "Prepay part of the principal and re-amortise the rest.");
        loan.AddTo(command);
        command.Add(paid);
        command.Add(amount);
        command.Add(keep);
        command.Add(json);
        command.SetAction(parsed =>
        {
            var input = new InputReader();
            var terms = loan.Read(parsed, input, context.Today);
            var k = input.Integer("installments-paid", parsed.GetValue(paid));
            var x = input.Decimal("amount", parsed.GetValue(amount));
            var mode = parsed.GetValue(keep)?.Trim().ToLowerInvariant() switch
            {
                null or "term" => ReamortisationMode.KeepTerm,
                "payment" => ReamortisationMode.KeepPayment,
                var other => Invalid(input, other),
            };
            input.ThrowIfAny();
            var result = PartialPrepayment.Apply(ScheduleBuilder.Build(terms!), k!.Value, x!.Value, mode);
            if (result.Error is { } error)
            {
                throw new BadInputException($"--{PayoffCommand.Kebab(error.Field)}: {error.Message}");
            }

            var document = ScheduleView.ToDocument(result.Schedule!);
            if (parsed.GetValue(json))
            {
                return context.WriteJson(document);
            }

            ScheduleView.Render(context.Console, document);
            return CliApp.Ok;
        });
        return command;
    }

    private static ReamortisationMode Invalid(InputReader input, string text)
    {
        input.Add(new FieldError("keep", $"'{text}' is not one of term, payment"));
        return ReamortisationMode.KeepTerm;
    }
}
