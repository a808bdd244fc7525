using System.Diagnostics;
using AutoFinance.Credit.Scorecards;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// The credit figures users wait on: fitting a scorecard (binning, selection, regression, points) on 300,000 × 50,
/// scoring one application in-process (with its four reason codes), and scoring a CSV in batch.
/// </summary>
public static class CreditBenchmark
{
    public sealed record Figures(
        string Benchmark,
        int TrainingRows,
        int TrainingColumns,
        double TrainingSeconds,
        int Characteristics,
        double SingleScoresPerSecond,
        double NanosecondsPerScore,
        double BytesPerScore,
        long BatchRows,
        double BatchRowsPerSecond,
        double BatchMegabytesPerSecond,
        int Threads);

    public static Figures Measure(int rows, int columns, TimeSpan scoringDuration)
    {
        var data = CreditWorkload.Generate(rows, seed: 7, columns);
        var options = new TrainingOptions { Folds = 0 };

        // A small warm-up fit so the figure is the fit, not the JIT.
        ScorecardFitter.Fit(CreditWorkload.Generate(5_000, seed: 8, columns), options, [], new HashSet<string>());
        var watch = Stopwatch.StartNew();
        var fitted = ScorecardFitter.Fit(data, options, [], new HashSet<string>());
        var trainingSeconds = watch.Elapsed.TotalSeconds;
        var scorecard = Scorecard.From(new AutoFinance.Credit.Artefacts.ScorecardDocument
        {
            ModelId = "bench",
            Kind = "scorecard",
            CreatedAt = DateTimeOffset.UnixEpoch,
            Target = new("bad", null),
            Scaling = options.Scaling,
            Intercept = fitted.Intercept,
            Characteristics = fitted.Characteristics,
            Grades = ScorecardTrainer.Grades(options.Scaling, options.GradeMaxPds),
            Training = new()
            {
                Rows = rows, TrainRows = rows, TestRows = 0, Bads = data.Bads, Seed = 7, TestFraction = 0, Binning = options.Binning,
                Selection = new(options.Selection.MinIv, options.Selection.MaxCorrelation, options.Selection.MaxVif, options.Selection.MaxCharacteristics),
                L2Penalty = options.L2Penalty,
            },
        });

        var (perSecond, nanoseconds, bytes) = MeasureSingle(scorecard, data, scoringDuration);
        var csv = CreditWorkload.ToCsv(data);
        // One full pass first, so the figure is steady-state code rather than the JIT's first tiers.
        BatchScorer.Score(scorecard, new MemoryStream(csv), Stream.Null);
        watch.Restart();
        var batchRows = BatchScorer.Score(scorecard, new MemoryStream(csv), Stream.Null);
        var batchSeconds = watch.Elapsed.TotalSeconds;
        return new Figures(
            "credit", rows, data.Columns.Count, Math.Round(trainingSeconds, 3), scorecard.Characteristics.Count,
            Math.Round(perSecond), Math.Round(nanoseconds, 1), Math.Round(bytes, 1),
            batchRows, Math.Round(batchRows / batchSeconds), Math.Round(csv.Length / batchSeconds / 1e6, 1), 1);
    }

    /// <summary>Sets an applicant's raw values, scores and ranks reasons, on one thread, cycling through real rows.</summary>
    private static (double PerSecond, double Nanoseconds, double Bytes) MeasureSingle(Scorecard scorecard, AutoFinance.Credit.Data.CreditDataset data, TimeSpan duration)
    {
        var columns = scorecard.Characteristics.Select(c => data.Find(c.Name)!).ToArray();
        var numbers = columns.Select(c => c is AutoFinance.Credit.Data.NumericColumn n ? n.Values : null).ToArray();
        var texts = columns.Select(c => c is AutoFinance.Credit.Data.CategoricalColumn k ? k.Codes.Select(code => k.Levels[code]).ToArray() : null).ToArray();
        var applicant = scorecard.NewApplicant();
        Span<Reason> reasons = stackalloc Reason[Scorecard.MaxReasons];
        var sink = 0.0;
        const int Sample = 4096;
        for (var warm = 0; warm < 200_000; warm++)
        {
            sink += ScoreRow(scorecard, applicant, numbers, texts, warm % Sample, reasons);
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed < duration)
        {
            for (var i = 0; i < 10_000; i++)
            {
                sink += ScoreRow(scorecard, applicant, numbers, texts, (int)((count + i) % Sample), reasons);
            }

            count += 10_000;
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        GC.KeepAlive(sink);
        return (count / seconds, seconds * 1e9 / count, (double)allocated / count);
    }

    private static double ScoreRow(Scorecard scorecard, ApplicantValues applicant, double[]?[] numbers, string[]?[] texts, int row, Span<Reason> reasons)
    {
        for (var c = 0; c < numbers.Length; c++)
        {
            if (numbers[c] is { } n)
            {
                applicant.SetNumber(c, n[row]);
            }
            else
            {
                applicant.SetText(c, texts[c]![row]);
            }
        }

        return scorecard.Score(applicant, reasons).Score;
    }
}
