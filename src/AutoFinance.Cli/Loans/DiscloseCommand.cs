using System.CommandLine;
using AutoFinance.Cli.Common;
using AutoFinance.Domain.Disclosure;

namespace AutoFinance.Cli.Loans;

/// <summary><c>autofinance disclose</c>: the offer's disclosure document (docs/schemas/loan-disclosure.schema.json).</summary>
public static class DiscloseCommand
{
    public static Command Create(CliContext context) =>
        LoanDocumentCommand.Create(context, "disclose", "Print the disclosure of a loan offer.", schedule => DisclosureBuilder.Build(schedule), DisclosureView.Render);
}
