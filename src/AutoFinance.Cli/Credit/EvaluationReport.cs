using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Validation;

namespace AutoFinance.Cli.Credit;

/// <summary>The JSON answer of <c>evaluate</c>.</summary>
public sealed record EvaluationReport(
    string ModelId,
    int Rows,
    int Bads,
    double Auc,
    double Gini,
    double Ks,
    double Brier,
    double Psi,
    string PsiVerdict,
    IReadOnlyList<Stability.CharacteristicShift> Csi,
    IReadOnlyList<CalibrationRow> Calibration,
    IReadOnlyList<LiftRow> Lift,
    EvaluationReport.FairnessSection? Fairness,
    PerformanceFigures? OtherModel)
{
    public sealed record FairnessSection(string Column, double Cutoff, IReadOnlyList<Fairness.GroupRow> Groups);
}
