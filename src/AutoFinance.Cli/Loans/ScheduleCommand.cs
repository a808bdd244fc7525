using System.CommandLine;
using AutoFinance.Cli.Common;

namespace AutoFinance.Cli.Loans;

/// <summary><c>autofinance schedule</c>: a full schedule with totals and annualised rates.</summary>
public static class ScheduleCommand
{
    public static Command Create(CliContext context) =>
        LoanDocumentCommand.Create(context, "schedule", "Build a repayment schedule with totals and annualised rates.", ScheduleView.ToDocument, ScheduleView.Render);
}
