using System.CommandLine;
using System.Diagnostics;
using AutoFinance.Cli.Common;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Models;
using AutoFinance.Credit.Scorecards;

namespace AutoFinance.Cli.Credit;

/// <summary><c>autofinance score</c>: adds score, pd, grade and reasons to every row of a CSV, streaming.</summary>
public static class ScoreCommand
{
    public sealed record Summary(string ModelId, long Rows, string Out, double Seconds);

    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "Model JSON written by train.", Required = true };
        var data = new Option<string>("--data") { Description = "CSV to score (a header row naming the model's columns).", Required = true };
        var output = new Option<string>("--out") { Description = "Scored CSV to write.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command("score", "Score a CSV: adds score, pd, grade and reasons columns.") { model, data, output, json };
        command.SetAction(parsed =>
        {
            var creditModel = CreditInput.LoadCreditModel(parsed.GetValue(model)!);
            var document = creditModel.Document;
            var dataPath = parsed.GetValue(data)!;
            CreditInput.RequireFile("data", dataPath);
            var outPath = parsed.GetValue(output)!;
            if (Path.GetFullPath(outPath) == Path.GetFullPath(dataPath))
            {
                throw new BadInputException("--out: must not be the input file");
            }

            var watch = Stopwatch.StartNew();
            var temporary = outPath + ".partial";
            long rows;
            try
            {
                using (var outStream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    if (creditModel.GbdtScores || creditModel.EbmScores)
                    {
                        rows = BoostedBatchScorer.Score(creditModel, () => DatasetLoader.OpenFile(dataPath), outStream);
                    }
                    else
                    {
                        using var input = DatasetLoader.OpenFile(dataPath);
                        rows = BatchScorer.Score(creditModel.Scorecard, input, outStream);
                    }
                }

                // The scored file appears whole or not at all.
                File.Move(temporary, outPath, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                File.Delete(temporary);
                throw new BadInputException($"--out: cannot write '{outPath}': {e.Message}");
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }

            var summary = new Summary(document.ModelId, rows, outPath, Math.Round(watch.Elapsed.TotalSeconds, 3));
            if (parsed.GetValue(json))
            {
                return context.WriteJson(summary);
            }

            context.Output.WriteLine($"scored {rows} rows with {document.ModelId} into {outPath} in {summary.Seconds:0.000} s");
            return CliApp.Ok;
        });
        return command;
    }
}
