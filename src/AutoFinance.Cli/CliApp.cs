using System.CommandLine;
using System.Globalization;
using System.Text;
using AutoFinance.Cli.Audit;
using AutoFinance.Cli.Bench;
using AutoFinance.Cli.Common;
using AutoFinance.Cli.Credit;
using AutoFinance.Cli.Insight;
using AutoFinance.Credit.Data;
using AutoFinance.Cli.Loans;
using AutoFinance.Cli.Operations;
using AutoFinance.Cli.Rates;
using AutoFinance.Cli.Servicing;

namespace AutoFinance.Cli;

/// <summary>
/// The autofinance command. Exit codes: 0 success, 2 bad input (one line naming the problem), 1 an unexpected
/// failure (one line, never a stack trace).
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var context = new CliContext(output, error, clock);
        var root = new RootCommand("AutoFinance: car-loan mathematics, credit models and operations.")
        {
            ScheduleCommand.Create(context),
            DiscloseCommand.Create(context),
            PayoffCommand.Create(context),
            PrepayCommand.Create(context),
            AprCommand.Create(context),
            GenerateCommand.Create(context),
            TrainCommand.Create(context),
            EvaluateCommand.Create(context),
            BenchmarkCommand.Create(context),
            ScoreCommand.Create(context),
            ReportCommand.Create(context),
            ExportCommand.Create(context),
            AuditCommand.Create(context),
            CobCommand.Create(context),
            Payments.ReconcileCommand.Create(context),
            Payments.PayoutFileCommand.Create(context),
            Payments.PayoutReportCommand.Create(context),
            Payments.PayoutsCommand.Create(context),
            BackupCommand.CreateBackup(context),
            BackupCommand.CreateRestore(context),
            OutboxCommand.Create(context),
            InsightCommand.Create(context),
            BenchCommand.Create(context),
        };

        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                return context.Reject(parsed.Errors[0].Message);
            }

            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (BadInputException ex)
        {
            return context.Reject(ex.Message);
        }
        catch (CreditDataException ex)
        {
            return context.Reject(ex.Message);
        }
#pragma warning disable CA1031 // The command line must end in one readable line whatever went wrong.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // A wrapper's message ("likely due to a transient failure") rarely says what failed; its causes do.
            var line = new StringBuilder($"error: {ex.GetType().Name}: {ex.Message}");
            for (var cause = ex.InnerException; cause is not null; cause = cause.InnerException)
            {
                line.Append($" Caused by {cause.GetType().Name}: {cause.Message}");
            }

            error.WriteLine(line.ToString().ReplaceLineEndings(" "));
            return Failure;
        }
    }
}
