using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Tests.Export;

/// <summary>
/// A hand-edited scorecard with every awkward binning the engine resolves by precedence: sentinels outside the range
/// and on a bin bound, a repeated sentinel, a last range bin with a finite upper bound, a category listed in two
/// bins, a category with a leading blank beside its trimmed twin, quotes in names and categories, a characteristic
/// with no range bins, negative points, and grades with a repeated bound.
/// </summary>
internal static class AwkwardScorecard
{
    public const string Amount = "amount";
    public const string Kind = "kind 'of' \"loan\"";
    public const string Count = "count";
    public const string Flag = "flag";

    public static ScorecardCase Case { get; } = Build();

    private static ScorecardCase Build()
    {
        var document = new ScorecardDocument
        {
            ModelId = "awkward",
            Kind = "scorecard",
            CreatedAt = DateTimeOffset.UnixEpoch,
            Target = new TargetDefinition("bad", null),
            Scaling = new ScoreScaling(),
            Intercept = -2,
            Characteristics =
            [
                Characteristic(Amount, ColumnKind.Numeric, neutral: 1, min: 0, max: 100,
                    Bin(BinKind.Range, 10, upper: 10),
                    Bin(BinKind.Range, 20, lower: 10, upper: 50),
                    Bin(BinKind.Range, 30, lower: 50, upper: 200),
                    Bin(BinKind.Missing, 5),
                    Bin(BinKind.Special, 7, special: -1),
                    Bin(BinKind.Special, 40, special: 50),
                    Bin(BinKind.Special, 99, special: -1)),
                Characteristic(Kind, ColumnKind.Categorical, neutral: 2, min: null, max: null,
                    Bin(BinKind.Categories, 10, categories: ["a", "b", "o'brien"]),
                    Bin(BinKind.Categories, 20, categories: ["b", "c", "say \"hi\""]),
                    Bin(BinKind.Categories, 30, categories: [" d"]),
                    Bin(BinKind.Categories, 35, categories: ["d", "two words"]),
                    Bin(BinKind.Special, 50, categories: ["zz"])),
                Characteristic(Count, ColumnKind.Numeric, neutral: 6, min: null, max: null,
                    Bin(BinKind.Missing, 3),
                    Bin(BinKind.Special, 4, special: 0)),
                Characteristic(Flag, ColumnKind.Categorical, neutral: 0, min: null, max: null,
                    Bin(BinKind.Categories, 11, categories: ["yes"]),
                    Bin(BinKind.Categories, -5, categories: ["no"]),
                    Bin(BinKind.Missing, 9)),
            ],
            Grades = [new("A", 60, 0.01), new("B", 40, 0.05), new("C", 40, 0.06), new("D", 20, 0.2), new("E", null, null)],
            Training = new TrainingRecord
            {
                Rows = 0, TrainRows = 0, TestRows = 0, Bads = 0, Seed = 0, TestFraction = 0.3,
                Binning = new BinningOptions(),
                Selection = new SelectionOptionsRecord(0, 1, 10, 10),
                L2Penalty = 1,
            },
        };

        string?[][] probes =
        [
            [null, "NA", "-1", "-0.5", "0", "5", "9.999", "10", "49", "50", "60", "100", "100.5", "150", "199", "250"],
            [null, "", "NA", " NA ", "a", "b", "c", " d", "d", " d ", "  d", "zz", " zz ", "new", "A", "o'brien", "say \"hi\"", "two words", " two words"],
            [null, "0", "1", "-3"],
            [null, "yes", "no", "maybe", " yes", "N/A"],
        ];
        var rows = from a in probes[0] from k in probes[1] from c in probes[2] from f in probes[3] select new[] { a, k, c, f };
        return new ScorecardCase("awkward", document, [.. rows]);
    }

    private static Characteristic Characteristic(string name, ColumnKind kind, double neutral, double? min, double? max, params ScoredBin[] bins) => new()
    {
        Name = name,
        Description = name,
        Kind = kind,
        Coefficient = -1,
        Iv = 0.1,
        Trend = MonotonicTrend.Ascending,
        Min = min,
        Max = max,
        NeutralPoints = neutral,
        Bins = bins,
    };

    private static ScoredBin Bin(BinKind kind, double points, double? lower = null, double? upper = null, double? special = null, string[]? categories = null) => new()
    {
        Kind = kind,
        Lower = lower,
        Upper = upper,
        SpecialValue = special,
        Categories = categories ?? [],
        Goods = 10,
        Bads = 2,
        Woe = 0.1,
        Iv = 0.01,
        Points = points,
    };
}
