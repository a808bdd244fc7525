using AutoFinance.Credit.Artefacts;

namespace AutoFinance.Cli.Credit;

/// <summary>The JSON answer of <c>train</c>: the held-out figures at the top level, the rest beside them.</summary>
public sealed record TrainingSummary(
    string ModelId,
    string Kind,
    string Model,
    string ScorecardTable,
    int Rows,
    int TrainRows,
    int TestRows,
    double Auc,
    double Gini,
    double Ks,
    double Brier,
    PerformanceFigures Train,
    CrossValidationFigures? CrossValidation,
    PerformanceFigures? Challenger,
    IReadOnlyList<TrainingSummary.CharacteristicLine> Characteristics,
    IReadOnlyList<SelectionEntry> Dropped,
    TuningRecord? Tuning,
    TrainingSummary.RejectInferenceLine? RejectInference)
{
    /// <summary>How the rejects joined the training; <c>acceptsOnlyAuc</c> is the accepts-only scorecard on the same held-out accepts.</summary>
    public sealed record RejectInferenceLine(string Method, double Uplift, int Rejects, double RejectsBadRate, double AcceptsBadRate, double AcceptsOnlyAuc);

    public sealed record CharacteristicLine(string Name, double Iv, int Bins, double Coefficient);

    public static TrainingSummary Of(ScorecardDocument document, string model, string table)
    {
        ArgumentNullException.ThrowIfNull(document);
        var validation = document.Validation ?? throw new InvalidOperationException("the model has no validation figures");
        var test = validation.Test;
        return new TrainingSummary(
            document.ModelId,
            document.Kind,
            model,
            table,
            document.Training.Rows,
            document.Training.TrainRows,
            document.Training.TestRows,
            test.Auc,
            test.Gini,
            test.Ks,
            test.Brier,
            validation.Train,
            validation.CrossValidation,
            document.Challenger?.Test,
            [.. document.Characteristics.Select(c => new CharacteristicLine(c.Name, c.Iv, c.Bins.Count, c.Coefficient))],
            [.. document.Training.SelectionLog.Where(e => !e.Kept)],
            document.Training.Tuning,
            document.RejectInference is { } inference
                ? new RejectInferenceLine(
                    inference.Method == AutoFinance.Credit.RejectInference.InferenceMethod.Parcelling ? "parcelling" : "fuzzy",
                    inference.Uplift,
                    inference.Rejects,
                    inference.RejectsBadRate,
                    inference.AcceptsBadRate,
                    inference.AcceptsOnlyTest.Auc)
                : null);
    }
}
