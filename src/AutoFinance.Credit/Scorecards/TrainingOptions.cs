using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Selection;

namespace AutoFinance.Credit.Scorecards;

/// <summary>Everything that shapes a training run; recorded in the artefact so a model can be rebuilt.</summary>
public sealed record TrainingOptions
{
    public BinningOptions Binning { get; init; } = new();

    public SelectionOptions Selection { get; init; } = new();

    /// <summary>λ of the (λ/2)·||β||² penalty of the logistic regression.</summary>
    public double L2Penalty { get; init; } = 1.0;

    public ScoreScaling Scaling { get; init; } = new();

    public double TestFraction { get; init; } = 0.3;

    public int Seed { get; init; } = 42;

    /// <summary>Folds of cross-validation on the training part; 0 skips it.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Upper PD of each grade from the best (A) down; the last grade takes everything above.</summary>
    public IReadOnlyList<double> GradeMaxPds { get; init; } = [0.01, 0.02, 0.04, 0.08, 0.15, 0.30];

    public string? SourceFile { get; init; }

    /// <summary>The grid cross-validation chooses the penalty, selection threshold and classing from; null fits the options as given.</summary>
    public TuningOptions? Tuning { get; init; } = new();

    /// <summary>The gradient-boosting challenger trained beside the scorecard; null trains none.</summary>
    public Challenger.ChallengerOptions? Challenger { get; init; }

    /// <summary>
    /// When true the challenger is also held monotone in every numeric characteristic the scorecard kept with an
    /// ascending or descending bad rate, in that direction (constraints given in the challenger's options win).
    /// </summary>
    public bool ChallengerMonotoneFromTrends { get; init; }

    /// <summary>When true the challenger scores (the document's kind is "gbdt") and the scorecard stands beside it.</summary>
    public bool GbdtChampion { get; init; }

    /// <summary>The explainable boosting machine trained beside the scorecard; null trains none.</summary>
    public Explainable.EbmOptions? Ebm { get; init; }

    /// <summary>When true the explainable boosting machine scores (the document's kind is "ebm").</summary>
    public bool EbmChampion { get; init; }

    /// <summary>When true the explainable boosting machine is the champion's challenger (the document's challenger kind is "ebm").</summary>
    public bool EbmChallenger { get; init; }

    /// <summary>The target column and its bad value, recorded so that evaluation reads new files the same way.</summary>
    public TargetDefinition Target { get; init; } = new(string.Empty, null);

    public IEnumerable<string> Problems()
    {
        foreach (var problem in Binning.Problems().Concat(Selection.Problems()).Concat(Scaling.Problems()))
        {
            yield return problem;
        }

        if (L2Penalty is < 0 or > 1e6 || double.IsNaN(L2Penalty))
        {
            yield return "l2 must be between 0 and 1000000";
        }

        if (TestFraction is < 0.05 or > 0.9 || double.IsNaN(TestFraction))
        {
            yield return "test-fraction must be between 0.05 and 0.9";
        }

        if (GbdtChampion && Challenger is null)
        {
            yield return "model gbdt needs the challenger to be trained";
        }

        if (EbmChampion && Ebm is null)
        {
            yield return "model ebm needs the explainable boosting machine to be trained";
        }

        if (EbmChallenger && Ebm is null)
        {
            yield return "challenger ebm needs the explainable boosting machine to be trained";
        }

        if (EbmChallenger && EbmChampion)
        {
            yield return "challenger ebm cannot challenge itself: the explainable boosting machine already scores";
        }

        if (EbmChampion && GbdtChampion)
        {
            yield return "model is either gbdt or ebm, not both";
        }

        foreach (var problem in Ebm?.Problems() ?? [])
        {
            yield return problem;
        }

        foreach (var problem in Tuning?.Problems() ?? [])
        {
            yield return problem;
        }

        foreach (var problem in Challenger?.Problems() ?? [])
        {
            yield return problem;
        }

        if (Folds is < 0 or 1 or > 20)
        {
            yield return "folds must be 0 (none) or between 2 and 20";
        }
    }
}
