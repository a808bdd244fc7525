using System.CommandLine;
using AutoFinance.Cli.Common;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Challenger;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Export;
using AutoFinance.Credit.RejectInference;
using AutoFinance.Credit.Scorecards;
using AutoFinance.Credit.Selection;

namespace AutoFinance.Cli.Credit;

/// <summary>
/// <c>autofinance train</c>: fits a scorecard (and its challenger) from any CSV, with the rejects' applications by reject
/// inference when a rejects file is given, and prints the validation report.
/// </summary>
public static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "CSV file with a header row.", Required = true };
        var target = new Option<string>("--target") { Description = "The outcome column.", Required = true };
        var bad = new Option<string?>("--bad") { Description = "The target value meaning bad; without it the target must be 0/1 with 1 = bad." };
        var model = new Option<string?>("--model") { Description = "scorecard (default), gbdt or ebm (explainable boosting): which model scores." };
        var challengerKind = new Option<string?>("--challenger") { Description = "gbdt (default) or ebm: the model scored beside the champion as its challenger." };
        var withEbm = new Option<bool>("--with-ebm") { Description = "Train the explainable boosting machine beside the scorecard." };
        var exclude = new Option<string?>("--exclude") { Description = "Columns to leave out, comma-separated." };
        var categorical = new Option<string?>("--categorical") { Description = "Columns to treat as categorical even if numeric, comma-separated." };
        var special = new Option<string?>("--special") { Description = "Sentinel values kept in bins of their own (e.g. -999,-1), comma-separated." };
        var testFraction = new Option<string?>("--test-fraction") { Description = "Held-out share (default 0.3)." };
        var seed = new Option<string?>("--seed") { Description = "Seed of the stratified split and folds (default 42)." };
        var folds = new Option<string?>("--folds") { Description = "Cross-validation folds on the training part (default 5; 0 = none)." };
        var maxBins = new Option<string?>("--max-bins") { Description = "Maximum bins per characteristic (default 6)." };
        var minShare = new Option<string?>("--min-bin-share") { Description = "Minimum share of rows per bin (default 0.05)." };
        var trend = new Option<string?>("--trend") { Description = "auto (default: ascending, descending, or a significant peak or valley), ascending, descending, peak or valley bad rate across numeric bins." };
        var noTuning = new Option<bool>("--no-tuning") { Description = "Fit the given penalty, threshold and classing instead of choosing them by cross-validation." };
        var minIv = new Option<string?>("--min-iv") { Description = "Minimum information value to keep a characteristic (default 0.02)." };
        var maxCorrelation = new Option<string?>("--max-correlation") { Description = "Maximum |correlation| between kept WoE characteristics (default 0.7)." };
        var l2 = new Option<string?>("--l2") { Description = "L2 penalty of the logistic regression (default 1)." };
        var baseScore = new Option<string?>("--base-score") { Description = "Score at the base odds (default 600)." };
        var baseOdds = new Option<string?>("--base-odds") { Description = "Good:bad odds at the base score (default 50)." };
        var pdo = new Option<string?>("--pdo") { Description = "Points to double the odds (default 20)." };
        var decimals = new Option<string?>("--points-decimals") { Description = "Decimal places of points (default 0)." };
        var noChallenger = new Option<bool>("--no-challenger") { Description = "Skip the gradient-boosting challenger." };
        var monotone = new Option<string?>("--monotone") { Description = MonotoneOption.Description };
        var rejects = new Option<string?>("--rejects") { Description = "CSV of rejected applications (same columns, outcome empty or absent) for reject inference." };
        var inference = new Option<string?>("--inference") { Description = "parcelling (default) or fuzzy: how the rejects get an outcome." };
        var uplift = new Option<string?>("--uplift") { Description = "How much riskier a reject is taken to be than an accept of the same pd (default 1.5)." };
        var output = new Option<string>("--out") { Description = "Where to write the model JSON.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command("train", "Fit a WoE scorecard and its challenger from a CSV; print the validation report.")
        {
            data, target, bad, model, exclude, categorical, special, testFraction, seed, folds, maxBins, minShare, trend, minIv, maxCorrelation,
            l2, baseScore, baseOdds, pdo, decimals, noChallenger, monotone, rejects, inference, uplift, noTuning, withEbm, challengerKind, output, json,
        };
        command.SetAction(parsed =>
        {
            var input = new InputReader();
            var kind = (parsed.GetValue(model) ?? "scorecard").Trim().ToLowerInvariant();
            if (kind is not ("scorecard" or "gbdt" or "ebm"))
            {
                input.Add(new Domain.Validation.FieldError("model", $"'{kind}' is not scorecard, gbdt or ebm"));
            }

            var challenging = (parsed.GetValue(challengerKind) ?? "gbdt").Trim().ToLowerInvariant();
            if (challenging is not ("gbdt" or "ebm"))
            {
                input.Add(new Domain.Validation.FieldError("challenger", $"'{challenging}' is not gbdt or ebm"));
            }
            else if (challenging == "ebm" && kind == "ebm")
            {
                input.Add(new Domain.Validation.FieldError("challenger", "ebm cannot challenge itself: with --model ebm the scorecard stands beside it"));
            }

            var trendValue = (parsed.GetValue(trend) ?? "auto").Trim().ToLowerInvariant() switch
            {
                "auto" => MonotonicTrend.Auto,
                "ascending" => MonotonicTrend.Ascending,
                "descending" => MonotonicTrend.Descending,
                "peak" => MonotonicTrend.Peak,
                "valley" => MonotonicTrend.Valley,
                var other => Invalid(input, "trend", $"'{other}' is not auto, ascending, descending, peak or valley"),
            };
            var defaults = new TrainingOptions();
            TrainingOptions options = new()
            {
                Binning = new BinningOptions
                {
                    MaxBins = input.Integer("max-bins", parsed.GetValue(maxBins)) ?? defaults.Binning.MaxBins,
                    MinBinShare = CreditInput.Double(input, "min-bin-share", parsed.GetValue(minShare)) ?? defaults.Binning.MinBinShare,
                    Trend = trendValue,
                },
                Selection = new SelectionOptions
                {
                    MinIv = CreditInput.Double(input, "min-iv", parsed.GetValue(minIv)) ?? defaults.Selection.MinIv,
                    MaxCorrelation = CreditInput.Double(input, "max-correlation", parsed.GetValue(maxCorrelation)) ?? defaults.Selection.MaxCorrelation,
                },
                L2Penalty = CreditInput.Double(input, "l2", parsed.GetValue(l2)) ?? defaults.L2Penalty,
                Scaling = new ScoreScaling
                {
                    BaseScore = CreditInput.Double(input, "base-score", parsed.GetValue(baseScore)) ?? defaults.Scaling.BaseScore,
                    BaseOdds = CreditInput.Double(input, "base-odds", parsed.GetValue(baseOdds)) ?? defaults.Scaling.BaseOdds,
                    PointsToDoubleOdds = CreditInput.Double(input, "pdo", parsed.GetValue(pdo)) ?? defaults.Scaling.PointsToDoubleOdds,
                    PointsDecimals = input.Integer("points-decimals", parsed.GetValue(decimals)) ?? defaults.Scaling.PointsDecimals,
                },
                TestFraction = CreditInput.Double(input, "test-fraction", parsed.GetValue(testFraction)) ?? defaults.TestFraction,
                Seed = input.Integer("seed", parsed.GetValue(seed)) ?? defaults.Seed,
                Folds = input.Integer("folds", parsed.GetValue(folds)) ?? defaults.Folds,
                SourceFile = Path.GetFileName(parsed.GetValue(data)!),
                Target = new TargetDefinition(parsed.GetValue(target)!, parsed.GetValue(bad)),
                Tuning = null,
            };
            if (!parsed.GetValue(noTuning))
            {
                options = options with { Tuning = NarrowedTuning(parsed, options, l2, minIv, maxBins, minShare) };
            }

            var (monotoneFromTrends, monotoneColumns) = MonotoneOption.Parse(input, parsed.GetValue(monotone));
            var outPath = parsed.GetValue(output)!;
            var tablePath = Path.ChangeExtension(outPath, ".scorecard.csv");
            if ((!parsed.GetValue(noChallenger) && challenging != "ebm") || kind == "gbdt")
            {
                options = options with
                {
                    Challenger = new ChallengerOptions { Seed = options.Seed, ModelFile = Path.GetFileNameWithoutExtension(outPath) + ".challenger.zip", Monotone = monotoneColumns },
                    ChallengerMonotoneFromTrends = monotoneFromTrends,
                    GbdtChampion = kind == "gbdt",
                };
            }

            if (kind == "ebm" || challenging == "ebm" || parsed.GetValue(withEbm))
            {
                options = options with
                {
                    Ebm = new AutoFinance.Credit.Explainable.EbmOptions { Seed = options.Seed },
                    EbmChampion = kind == "ebm",
                    EbmChallenger = challenging == "ebm" && kind != "ebm",
                };
            }

            var rejectInference = RejectsOption.Parse(input, parsed.GetValue(rejects), parsed.GetValue(inference), parsed.GetValue(uplift), options);
            input.AddRange(options.Problems().Select(p => new Domain.Validation.FieldError(p.Split(' ')[0], p[(p.IndexOf(' ', StringComparison.Ordinal) + 1)..])));
            input.ThrowIfAny();

            var loaded = CreditInput.LoadLabelled(
                parsed.GetValue(data)!, options.Target, parsed.GetValue(exclude), parsed.GetValue(categorical), parsed.GetValue(special));
            var result = rejectInference is null
                ? ScorecardTrainer.Train(loaded, options, context.Clock)
                : RejectInferenceTrainer.Train(loaded, RejectsOption.Load(parsed.GetValue(rejects)!, loaded, options.Target, parsed.GetValue(exclude)), options, rejectInference, context.Clock);
            var document = result.Document;
            WriteArtefacts(result, outPath, tablePath);
            return parsed.GetValue(json)
                ? context.WriteJson(TrainingSummary.Of(document, outPath, tablePath))
                : ScorecardView.WriteTraining(context, document, outPath, tablePath);
        });
        return command;
    }

    private static void WriteArtefacts(TrainingResult result, string outPath, string tablePath)
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            ModelJson.Save(result.Document, outPath);
            File.WriteAllText(tablePath, ScorecardTableCsv.Write(result.Document));
            if (result.Challenger is { } challenger)
            {
                using var zip = File.Create(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, challenger.Record.File));
                challenger.SaveModel(zip);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadInputException($"--out: cannot write '{outPath}': {e.Message}");
        }
    }

    /// <summary>Cross-validation chooses only what the analyst left open: a given penalty, threshold or classing is kept.</summary>
    private static TuningOptions NarrowedTuning(
        ParseResult parsed, TrainingOptions given, Option<string?> l2, Option<string?> minIv, Option<string?> maxBins, Option<string?> minShare)
    {
        var tuning = new TuningOptions();
        return tuning with
        {
            L2Penalties = parsed.GetValue(l2) is null ? tuning.L2Penalties : [given.L2Penalty],
            MinIvs = parsed.GetValue(minIv) is null ? tuning.MinIvs : [given.Selection.MinIv],
            TryFineClassing = tuning.TryFineClassing && parsed.GetValue(maxBins) is null && parsed.GetValue(minShare) is null,
        };
    }

    private static MonotonicTrend Invalid(InputReader input, string field, string message)
    {
        input.Add(new Domain.Validation.FieldError(field, message));
        return MonotonicTrend.Auto;
    }
}
