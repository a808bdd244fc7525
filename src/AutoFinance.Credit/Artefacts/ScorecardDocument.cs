using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Artefacts;

/// <summary>
/// The model artefact: one versioned JSON document with everything needed to score (bins, WoE, points, scaling,
/// grades) and everything needed to trust it (training metadata, selection log, validation figures, the population
/// it was built on). Scoring needs nothing else, not even this library's training code.
/// </summary>
public sealed record ScorecardDocument
{
    public const string FormatName = "autofinance-scorecard";
    public const int CurrentVersion = 1;

    public string Format { get; init; } = FormatName;

    public int FormatVersion { get; init; } = CurrentVersion;

    public required string ModelId { get; init; }

    /// <summary>
    /// "scorecard"; "gbdt" when the gradient-boosting model is the one that scores; "ebm" when the explainable
    /// boosting machine scores.
    /// </summary>
    public required string Kind { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required TargetDefinition Target { get; init; }

    public required ScoreScaling Scaling { get; init; }

    public required double Intercept { get; init; }

    public required IReadOnlyList<Characteristic> Characteristics { get; init; }

    public required IReadOnlyList<RiskGrade> Grades { get; init; }

    public required TrainingRecord Training { get; init; }

    public ValidationRecord? Validation { get; init; }

    public PopulationRecord? Population { get; init; }

    public ChallengerRecord? Challenger { get; init; }

    /// <summary>
    /// Which model stands beside the champion as its challenger: "gbdt" (also when absent, if its file is there) or
    /// "ebm" (the explainable boosting machine this document holds).
    /// </summary>
    public string? ChallengerKind { get; init; }

    /// <summary>The explainable boosting machine trained beside the scorecard, complete in this document.</summary>
    public Explainable.EbmRecord? Ebm { get; init; }

    /// <summary>The explainable boosting machine's figures on the held-out part.</summary>
    public PerformanceFigures? EbmTest { get; init; }

    /// <summary>How the rejects' applications joined the training, when they did.</summary>
    public RejectInference.RejectInferenceRecord? RejectInference { get; init; }
}

public sealed record TargetDefinition(string Column, string? BadValue);

/// <summary>One characteristic of the scorecard with its bins and points.</summary>
public sealed record Characteristic
{
    public required string Name { get; init; }

    /// <summary>Readable name used in reason texts; an analyst may edit it in the document.</summary>
    public required string Description { get; init; }

    public required ColumnKind Kind { get; init; }

    public required double Coefficient { get; init; }

    public double StandardError { get; init; }

    public required double Iv { get; init; }

    public required MonotonicTrend Trend { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Points for a value the training data never showed (WoE 0).</summary>
    public required double NeutralPoints { get; init; }

    public required IReadOnlyList<ScoredBin> Bins { get; init; }

    /// <summary>The most points a value seen in training can earn; reasons are measured from it.</summary>
    public double MaxPoints => Bins.Count == 0 ? NeutralPoints : Bins.Max(b => b.Points);
}

/// <summary>A bin with its points; the counts are those of the training sample.</summary>
public sealed record ScoredBin
{
    public required BinKind Kind { get; init; }

    public double? Lower { get; init; }

    public double? Upper { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public double? SpecialValue { get; init; }

    public required int Goods { get; init; }

    public required int Bads { get; init; }

    public required double Woe { get; init; }

    public required double Iv { get; init; }

    public required double Points { get; init; }

    public int Count => Goods + Bads;

    public Bin ToBin() => new()
    {
        Kind = Kind,
        Lower = Lower,
        Upper = Upper,
        Categories = Categories,
        SpecialValue = SpecialValue,
        Goods = Goods,
        Bads = Bads,
        Woe = Woe,
        Iv = Iv,
    };
}

/// <summary>
/// A grade holds scores at or above <see cref="MinScore"/> and below the grade before it; the worst grade has no
/// lower bound. <see cref="MaxPd"/> is the probability of default at its lower bound.
/// </summary>
public sealed record RiskGrade(string Grade, double? MinScore, double? MaxPd);

public sealed record TrainingRecord
{
    public string? SourceFile { get; init; }

    public required int Rows { get; init; }

    public required int TrainRows { get; init; }

    public required int TestRows { get; init; }

    public required int Bads { get; init; }

    public required int Seed { get; init; }

    public required double TestFraction { get; init; }

    public required BinningOptions Binning { get; init; }

    public required SelectionOptionsRecord Selection { get; init; }

    public required double L2Penalty { get; init; }

    public IReadOnlyList<double> SpecialValues { get; init; } = [];

    public IReadOnlyList<string> SpecialCategories { get; init; } = [];

    public IReadOnlyList<string> CategoricalColumns { get; init; } = [];

    public IReadOnlyList<DroppedColumn> DroppedAtLoad { get; init; } = [];

    /// <summary>Columns of numbers read as categories or dropped because a few of their values are text.</summary>
    public IReadOnlyList<TextInNumbers> TextInNumbers { get; init; } = [];

    /// <summary>Every characteristic considered, in order, with the step that kept or removed it.</summary>
    public IReadOnlyList<SelectionEntry> SelectionLog { get; init; } = [];

    /// <summary>The cross-validated choice of penalty, selection threshold and classing; null when none was made.</summary>
    public TuningRecord? Tuning { get; init; }
}

public sealed record SelectionOptionsRecord(double MinIv, double MaxCorrelation, double MaxVif, int MaxCharacteristics);

/// <summary>One decision of variable selection: which characteristic, at which step, kept or dropped and why.</summary>
public sealed record SelectionEntry(string Name, string Step, bool Kept, string Reason);

public sealed record ValidationRecord
{
    public required PerformanceFigures Train { get; init; }

    public required PerformanceFigures Test { get; init; }

    public CrossValidationFigures? CrossValidation { get; init; }

    public IReadOnlyList<CalibrationRow> Calibration { get; init; } = [];

    public IReadOnlyList<LiftRow> Lift { get; init; } = [];

    /// <summary>The scorecard's held-out figures when the gradient-boosting model is the one that scores.</summary>
    public PerformanceFigures? ScorecardTest { get; init; }
}

public sealed record PerformanceFigures(int Rows, int Bads, double Auc, double Gini, double Ks, double Brier);

public sealed record CrossValidationFigures(int Folds, double AucMean, double AucStdDev, double KsMean, IReadOnlyList<double> FoldAuc);

public sealed record CalibrationRow(string Grade, int Count, int Bads, double ObservedBadRate, double PredictedPd);

public sealed record LiftRow(int Decile, int Count, int Bads, double BadRate, double Lift, double CumulativeBadCapture);

/// <summary>The training population's score distribution, the baseline of the population stability index.</summary>
public sealed record PopulationRecord(IReadOnlyList<ScoreBand> ScoreBands);

/// <summary>Scores from <see cref="Lower"/> (inclusive; null = no bound) to <see cref="Upper"/> (exclusive).</summary>
public sealed record ScoreBand(double? Lower, double? Upper, double Share);

/// <summary>The gradient-boosting model kept beside the scorecard (or in its place when it scores).</summary>
public sealed record ChallengerRecord
{
    public required string File { get; init; }

    public required IReadOnlyList<ChallengerFeature> Features { get; init; }

    /// <summary>Platt scaling of the raw boosting score: pd = 1 / (1 + exp(-(A·raw + B))).</summary>
    public required double CalibrationA { get; init; }

    public required double CalibrationB { get; init; }

    public required int Trees { get; init; }

    public required int Leaves { get; init; }

    public required double LearningRate { get; init; }

    /// <summary>Fewest training rows a leaf may hold.</summary>
    public int MinExamplesPerLeaf { get; init; }

    /// <summary>L2 penalty on leaf values.</summary>
    public double L2Regularization { get; init; }

    /// <summary>Share of the input slots each tree may split on.</summary>
    public double FeatureFraction { get; init; } = 1;

    /// <summary>Share of the training rows each tree is grown on.</summary>
    public double SubsampleFraction { get; init; } = 1;

    public int Seed { get; init; }

    /// <summary>The inputs the booster was held monotone in, with their direction; null when none was.</summary>
    public IReadOnlyDictionary<string, Challenger.MonotoneDirection>? Monotone { get; init; }

    /// <summary>
    /// Stratified cross-validation of the chosen learning rate and tree shape on the training rows; the calibration is
    /// fitted on the out-of-fold scores of this run.
    /// </summary>
    public CrossValidationFigures? CrossValidation { get; init; }

    public PerformanceFigures? Test { get; init; }

    public PerformanceFigures? Train { get; init; }
}

/// <summary>
/// An input of the challenger: a numeric column, or a categorical one with its training levels, either expanded to
/// one slot per level or (<see cref="CategoryEncoding.RiskRank"/>) in one slot holding the level's place in
/// <see cref="Levels"/>, which are then ordered from the lowest training bad rate to the highest.
/// </summary>
public sealed record ChallengerFeature(string Name, ColumnKind Kind, IReadOnlyList<string> Levels, CategoryEncoding Encoding = CategoryEncoding.OneHot);

/// <summary>How the challenger feeds a categorical column to the trees.</summary>
public enum CategoryEncoding
{
    /// <summary>One slot per training level set to 1 for the row's level (models written before risk ranks).</summary>
    OneHot,

    /// <summary>
    /// One slot: the level's rank by smoothed training bad rate, so a tree splits categories into lower- and
    /// higher-risk groups in one cut instead of peeling off one sparse level at a time.
    /// </summary>
    RiskRank,
}

/// <summary>What cross-validation chose among: every candidate's mean fold AUC and the index of the chosen one (−1: none could be fitted).</summary>
public sealed record TuningRecord(int Folds, IReadOnlyList<TuningPoint> Grid, int Chosen);

/// <summary>One candidate of the tuning grid and its mean AUC over the folds.</summary>
public sealed record TuningPoint(double L2Penalty, double MinIv, string Classing, double CvAuc);
