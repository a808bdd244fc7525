using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Scorecards;

namespace AutoFinance.Credit.Tests.Scorecards;

/// <summary>A five-characteristic scorecard with round points, to check scoring and reasons by hand.</summary>
internal static class HandMade
{
    public static ScorecardDocument Document() => new()
    {
        ModelId = "hand-made",
        Kind = "scorecard",
        CreatedAt = DateTimeOffset.UnixEpoch,
        Target = new TargetDefinition("bad", null),
        Scaling = new ScoreScaling(),
        Intercept = -1,
        Characteristics =
        [
            Numeric("age", 18, 80, (null, 25, 0), (25, 40, 20), (40, null, 60)),
            Numeric("income", 0, 100000, (null, 3000, 10), (3000, 10000, 40), (10000, null, 70)),
            Categorical("home", ("rent", 10), ("mortgage", 25), ("own", 40)),
            Numeric("term", 12, 84, (null, 36, 30), (36, 60, 15), (60, null, 5)),
            Categorical("employment", ("none", 0), ("salaried", 50)),
        ],
        Grades = ScorecardTrainer.Grades(new ScoreScaling(), [0.01, 0.02, 0.04, 0.08, 0.15, 0.30]),
        Training = new TrainingRecord
        {
            Rows = 100, TrainRows = 70, TestRows = 30, Bads = 20, Seed = 42, TestFraction = 0.3, Binning = new BinningOptions(),
            Selection = new SelectionOptionsRecord(0.02, 0.7, 5, 20), L2Penalty = 1,
        },
    };

    private static Characteristic Numeric(string name, double min, double max, params (double? Lower, double? Upper, double Points)[] bins) => new()
    {
        Name = name,
        Description = name,
        Kind = ColumnKind.Numeric,
        Coefficient = -1,
        Iv = 0.1,
        Trend = MonotonicTrend.Descending,
        Min = min,
        Max = max,
        NeutralPoints = 35,
        Bins = [.. bins.Select(b => new ScoredBin { Kind = BinKind.Range, Lower = b.Lower, Upper = b.Upper, Goods = 10, Bads = 5, Woe = 0, Iv = 0, Points = b.Points })],
    };

    private static Characteristic Categorical(string name, params (string Category, double Points)[] bins) => new()
    {
        Name = name,
        Description = name,
        Kind = ColumnKind.Categorical,
        Coefficient = -1,
        Iv = 0.1,
        Trend = MonotonicTrend.Ascending,
        NeutralPoints = 35,
        Bins = [.. bins.Select(b => new ScoredBin { Kind = BinKind.Categories, Categories = [b.Category], Goods = 10, Bads = 5, Woe = 0, Iv = 0, Points = b.Points })],
    };
}
