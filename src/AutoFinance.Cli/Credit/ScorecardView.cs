using System.Globalization;
using AutoFinance.Cli.Common;
using AutoFinance.Credit.Artefacts;
using Spectre.Console;
using static AutoFinance.Cli.Credit.CreditInput;

namespace AutoFinance.Cli.Credit;

/// <summary>Human tables of a model: what it was trained on, its characteristics and bins, and how well it validates.</summary>
internal static class ScorecardView
{
    public static int WriteTraining(CliContext context, ScorecardDocument document, string model, string table)
    {
        WriteHeader(context, document);
        WriteCharacteristics(context, document);
        WriteValidation(context, document);
        context.Output.WriteLine($"model written to {model}; scorecard table to {table}");
        return CliApp.Ok;
    }

    public static void WriteHeader(CliContext context, ScorecardDocument document)
    {
        var t = document.Training;
        context.Output.WriteLine($"{document.Kind} {document.ModelId}");
        context.Output.WriteLine($"trained on {t.SourceFile ?? "a dataset"}: {t.Rows} rows ({t.TrainRows} train / {t.TestRows} test, seed {t.Seed}), {t.Bads} bad; target {document.Target.Column}{(document.Target.BadValue is { } b ? $" = {b}" : " = 1")}");
        context.Output.WriteLine($"scaling: {document.Scaling.BaseScore} points at {document.Scaling.BaseOdds}:1 good:bad odds, {document.Scaling.PointsToDoubleOdds} points to double the odds");
        foreach (var dropped in t.DroppedAtLoad)
        {
            context.Output.WriteLine($"dropped at load: {dropped.Name} ({dropped.Reason})");
        }

        foreach (var slip in t.TextInNumbers)
        {
            var kind = t.DroppedAtLoad.Any(d => d.Name == slip.Name) ? "dropped" : "read as categories";
            context.Error.WriteLine(
                $"warning: {slip.Name} holds numbers, but {slip.TextValues.ToString("N0", CultureInfo.InvariantCulture)} of its {slip.Values.ToString("N0", CultureInfo.InvariantCulture)} values {(slip.TextValues == 1 ? "is" : "are")} not a number (first '{slip.FirstText}' on line {slip.Line}), so it was {kind}; to read it as numbers, correct such values or leave them empty (missing)");
        }

        if (document.RejectInference is { } inference)
        {
            context.Output.WriteLine(
                $"reject inference by {(inference.Method == AutoFinance.Credit.RejectInference.InferenceMethod.Parcelling ? "parcelling" : "fuzzy augmentation")} (uplift {inference.Uplift.ToString(CultureInfo.InvariantCulture)}): {inference.Rejects} rejects, inferred bad {inference.RejectsBadRate.ToString("0.0%", CultureInfo.InvariantCulture)} against the accepts' {inference.AcceptsBadRate.ToString("0.0%", CultureInfo.InvariantCulture)}; the accepts-only scorecard's held-out AUC {inference.AcceptsOnlyTest.Auc.ToString("0.0000", CultureInfo.InvariantCulture)}");
        }

        if (t.Tuning is { Chosen: >= 0 } tuning)
        {
            var chosen = tuning.Grid[tuning.Chosen];
            context.Output.WriteLine(
                $"chosen by {tuning.Folds}-fold cross-validation among {tuning.Grid.Count}: L2 {chosen.L2Penalty.ToString(CultureInfo.InvariantCulture)}, minimum IV {chosen.MinIv.ToString(CultureInfo.InvariantCulture)}, {chosen.Classing} classing (mean fold AUC {chosen.CvAuc.ToString("0.0000", CultureInfo.InvariantCulture)})");
        }
    }

    public static void WriteCharacteristics(CliContext context, ScorecardDocument document)
    {
        var table = new Table().Title("characteristics").AddColumns("characteristic", "IV", "bins", "coefficient", "points range");
        foreach (var c in document.Characteristics)
        {
            var points = c.Bins.Select(b => b.Points).DefaultIfEmpty(c.NeutralPoints).ToArray();
            table.AddRow(Markup.Escape(c.Name), F(c.Iv), c.Bins.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), F(c.Coefficient), $"{F(points.Min(), "0.##")} to {F(points.Max(), "0.##")}");
        }

        context.Console.Write(table);
        foreach (var entry in document.Training.SelectionLog.Where(e => !e.Kept))
        {
            context.Output.WriteLine($"dropped at {entry.Step}: {entry.Name} ({entry.Reason})");
        }
    }

    public static void WriteBins(CliContext context, ScorecardDocument document)
    {
        var table = new Table().Title("scorecard").AddColumns("characteristic", "bin", "count", "bad rate", "WoE", "IV", "points");
        foreach (var c in document.Characteristics)
        {
            foreach (var bin in c.Bins)
            {
                table.AddRow(Markup.Escape(c.Name), Markup.Escape(BinLabels.Describe(bin)), bin.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), F(bin.Count == 0 ? 0 : (double)bin.Bads / bin.Count, "0.00%"), F(bin.Woe), F(bin.Iv), F(bin.Points, "0.##"));
            }

            table.AddRow(Markup.Escape(c.Name), "any other value (neutral)", "", "", "0.0000", "", F(c.NeutralPoints, "0.##"));
        }

        context.Console.Write(table);
    }

    public static void WriteValidation(CliContext context, ScorecardDocument document)
    {
        if (document.Validation is not { } v)
        {
            return;
        }

        var table = new Table().Title("validation").AddColumns("sample", "rows", "bads", "AUC", "Gini", "KS", "Brier");
        AddFigures(table, "train", v.Train);
        AddFigures(table, "test (held out)", v.Test);
        if (document.Kind == "gbdt" && v.ScorecardTest is { } scorecardTest)
        {
            AddFigures(table, "scorecard test", scorecardTest);
        }
        else if (document.Challenger?.Test is { } challenger)
        {
            AddFigures(table, "challenger test", challenger);
        }

        context.Console.Write(table);
        if (v.CrossValidation is { } cv)
        {
            context.Output.WriteLine($"{cv.Folds}-fold cross-validation on the training part: AUC {F(cv.AucMean)} ± {F(cv.AucStdDev)}, KS {F(cv.KsMean)}");
        }
    }

    public static void WriteCalibration(CliContext context, IReadOnlyList<CalibrationRow> rows)
    {
        var table = new Table().Title("calibration by grade").AddColumns("grade", "count", "bads", "observed bad rate", "mean predicted PD");
        foreach (var row in rows)
        {
            table.AddRow(row.Grade, row.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Bads.ToString(System.Globalization.CultureInfo.InvariantCulture), F(row.ObservedBadRate, "0.00%"), F(row.PredictedPd, "0.00%"));
        }

        context.Console.Write(table);
    }

    public static void WriteLift(CliContext context, IReadOnlyList<LiftRow> rows)
    {
        var table = new Table().Title("lift by decile (riskiest first)").AddColumns("decile", "count", "bads", "bad rate", "lift", "cumulative bads caught");
        foreach (var row in rows)
        {
            table.AddRow(row.Decile.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Bads.ToString(System.Globalization.CultureInfo.InvariantCulture), F(row.BadRate, "0.00%"), F(row.Lift, "0.00"), F(row.CumulativeBadCapture, "0.00%"));
        }

        context.Console.Write(table);
    }

    private static void AddFigures(Table table, string sample, PerformanceFigures f) =>
        table.AddRow(sample, f.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Bads.ToString(System.Globalization.CultureInfo.InvariantCulture), F(f.Auc), F(f.Gini), F(f.Ks), F(f.Brier));
}
