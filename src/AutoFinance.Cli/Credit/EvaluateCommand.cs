using System.CommandLine;
using System.Globalization;
using AutoFinance.Cli.Common;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Scorecards;
using AutoFinance.Credit.Validation;
using Spectre.Console;
using static AutoFinance.Cli.Credit.CreditInput;

namespace AutoFinance.Cli.Credit;

/// <summary>
/// <c>autofinance evaluate</c>: how a model performs on a new labelled file: discrimination, accuracy, stability
/// against the training population (PSI of scores, CSI of each characteristic), calibration, lift and, with
/// <c>--group</c>, approval and bad rates by group with the adverse-impact ratio.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "Model JSON written by train.", Required = true };
        var data = new Option<string>("--data") { Description = "Labelled CSV to evaluate on.", Required = true };
        var target = new Option<string?>("--target") { Description = "Outcome column (default: the model's)." };
        var bad = new Option<string?>("--bad") { Description = "Target value meaning bad (default: the model's)." };
        var group = new Option<string?>("--group") { Description = "Column to compare groups by (e.g. an age column) in a fairness table." };
        var bands = new Option<string?>("--bands") { Description = "Upper edges of numeric group bands, e.g. 25,35,50 (default: the column's values)." };
        var cutoff = new Option<string?>("--cutoff") { Description = "Approve at or above this score (default: the score at the training bad rate)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command("evaluate", "AUC, Gini, KS, Brier, PSI/CSI against training, calibration, lift and fairness on a labelled file.")
        {
            model, data, target, bad, group, bands, cutoff, json,
        };
        command.SetAction(parsed =>
        {
            var input = new InputReader();
            var edges = Doubles(input, "bands", parsed.GetValue(bands));
            var cut = Double(input, "cutoff", parsed.GetValue(cutoff));
            input.ThrowIfAny();
            var creditModel = LoadCreditModel(parsed.GetValue(model)!);
            var document = creditModel.Document;
            var loaded = LoadForModel(document, parsed.GetValue(data)!, parsed.GetValue(target), parsed.GetValue(bad));
            var scorecard = creditModel.Scorecard;
            var scored = creditModel.Score(loaded.Data);
            var target0 = loaded.Data.Target;
            var figures = ValidationTables.Performance(scored.Pd, target0);
            var psi = document.Population is { } population ? Stability.ScorePsi(population, scored.Score) : double.NaN;
            var csi = scorecard.Characteristics.Select((c, i) => Stability.Csi(c, scored.Matches[i])).ToArray();
            EvaluationReport.FairnessSection? fairness = null;
            if (parsed.GetValue(group) is { } groupColumn)
            {
                var column = loaded.Data.Find(groupColumn) ?? throw new BadInputException($"--group: the column '{groupColumn}' is not in the file");
                var approveAt = cut ?? document.Scaling.ScoreOfPd((double)Math.Max(1, document.Training.Bads) / Math.Max(1, document.Training.Rows));
                var groups = Enumerable.Range(0, loaded.Data.Rows).Select(r => GroupOf(column, r, edges)).ToArray();
                fairness = new EvaluationReport.FairnessSection(groupColumn, Math.Round(approveAt, 2), Fairness.Table(groups, scored.Score, target0, approveAt));
            }

            var report = new EvaluationReport(
                document.ModelId, figures.Rows, figures.Bads, figures.Auc, figures.Gini, figures.Ks, figures.Brier, psi, Metrics.StabilityVerdict(psi), csi,
                ValidationTables.Calibration(scorecard.Grades, scored.Grade, scored.Pd, target0),
                ValidationTables.Lift(scored.Pd, target0),
                fairness,
                scored.AlternatePd is { } other ? ValidationTables.Performance(other, target0) : null);
            return parsed.GetValue(json) ? context.WriteJson(report) : Write(context, report);
        });
        return command;
    }

    private static string GroupOf(DatasetColumn column, int row, IReadOnlyList<double> edges) => column switch
    {
        NumericColumn n when edges.Count > 0 => Fairness.Band(n.Values[row], edges),
        NumericColumn n => double.IsNaN(n.Values[row]) ? "missing" : n.Values[row].ToString(CultureInfo.InvariantCulture),
        CategoricalColumn c => c.Codes[row] == CategoricalColumn.Missing ? "missing" : c.Levels[c.Codes[row]],
        _ => "?",
    };

    private static int Write(CliContext context, EvaluationReport report)
    {
        context.Output.WriteLine($"model {report.ModelId} on {report.Rows} rows ({report.Bads} bad)");
        context.Output.WriteLine($"AUC {F(report.Auc)}   Gini {F(report.Gini)}   KS {F(report.Ks)}   Brier {F(report.Brier)}   PSI {F(report.Psi)} ({report.PsiVerdict})");
        if (report.OtherModel is { } other)
        {
            context.Output.WriteLine($"the other model on the same rows: AUC {F(other.Auc)}   KS {F(other.Ks)}   Brier {F(other.Brier)}");
        }

        var csi = new Table().Title("characteristic stability (CSI)").AddColumns("characteristic", "CSI", "verdict", "share in no training bin");
        foreach (var row in report.Csi)
        {
            csi.AddRow(Markup.Escape(row.Name), F(row.Csi), row.Verdict, F(row.NeutralShare, "0.00%"));
        }

        context.Console.Write(csi);
        ScorecardView.WriteCalibration(context, report.Calibration);
        ScorecardView.WriteLift(context, report.Lift);
        if (report.Fairness is { } fairness)
        {
            var table = new Table().Title($"fairness by {Markup.Escape(fairness.Column)} at cut-off {F(fairness.Cutoff, "0.##")}")
                .AddColumns("group", "applicants", "approved", "approval rate", "bad rate", "bad rate of approved", "adverse-impact ratio", "below 4/5");
            foreach (var g in fairness.Groups)
            {
                table.AddRow(Markup.Escape(g.Group), g.Applicants.ToString(CultureInfo.InvariantCulture), g.Approved.ToString(CultureInfo.InvariantCulture), F(g.ApprovalRate, "0.00%"), F(g.BadRate, "0.00%"), F(g.ApprovedBadRate, "0.00%"), F(g.AdverseImpactRatio, "0.000"), g.Flagged ? "yes" : "no");
            }

            context.Console.Write(table);
        }

        return CliApp.Ok;
    }
}
