using System.CommandLine;
using AutoFinance.Cli.Common;

namespace AutoFinance.Cli.Credit;

/// <summary><c>autofinance report --model MODEL.json</c>: the scorecard table and its validation figures.</summary>
public static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "Model JSON written by train.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command("report", "Print a model's scorecard table and validation figures.") { model, json };
        command.SetAction(parsed =>
        {
            var document = CreditInput.LoadModel(parsed.GetValue(model)!);
            if (parsed.GetValue(json))
            {
                return context.WriteJson(new
                {
                    document.ModelId,
                    document.Kind,
                    document.Target,
                    document.Scaling,
                    document.Characteristics,
                    document.Grades,
                    document.Validation,
                    SelectionLog = document.Training.SelectionLog,
                });
            }

            ScorecardView.WriteHeader(context, document);
            ScorecardView.WriteBins(context, document);
            ScorecardView.WriteValidation(context, document);
            if (document.Validation is { } v)
            {
                ScorecardView.WriteCalibration(context, v.Calibration);
                ScorecardView.WriteLift(context, v.Lift);
            }

            return CliApp.Ok;
        });
        return command;
    }
}
