using System.Security.Cryptography;
using System.Text;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Challenger;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Validation;

namespace AutoFinance.Credit.Scorecards;

/// <summary>
/// The whole training run: a stratified split, the scorecard fitted on the training part only, validation on the
/// held-out part, k-fold cross-validation of the whole fitting process on the training part, and the artefact.
/// </summary>
public static class ScorecardTrainer
{
    public static TrainingResult Train(LoadedDataset loaded, TrainingOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var (trainRows, testRows) = Sampling.StratifiedSplit(loaded.Data.Target, options.TestFraction, options.Seed);
        return Train(loaded, loaded.Data.Select(trainRows), loaded.Data.Select(testRows), options, time);
    }

    /// <summary>
    /// The training run on a given split: the models are fitted on <paramref name="train"/> (which reject inference
    /// builds from accepts and rejects) and measured on <paramref name="test"/>; <paramref name="loaded"/> supplies the
    /// special values and what loading dropped.
    /// </summary>
    public static TrainingResult Train(LoadedDataset loaded, CreditDataset train, CreditDataset test, TrainingOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var specialCategories = loaded.SpecialCategories.ToHashSet(StringComparer.Ordinal);
        TuningRecord? tuning = null;
        if (options.Tuning is not null)
        {
            (options, tuning) = ScorecardTuning.Choose(train, options, loaded.SpecialValues, specialCategories);
        }

        var fitted = ScorecardFitter.Fit(train, options, loaded.SpecialValues, specialCategories);
        var document = Assemble(fitted, loaded, options, train.Rows, test.Rows, time.GetUtcNow());
        document = document with { Training = document.Training with { Tuning = tuning } };
        var scorecard = Scorecard.From(document);
        var trainScored = DatasetScorer.Score(scorecard, train);
        var testScored = DatasetScorer.Score(scorecard, test);
        var validation = new ValidationRecord
        {
            Train = ValidationTables.Performance(trainScored.Pd, train.Target),
            Test = ValidationTables.Performance(testScored.Pd, test.Target),
            CrossValidation = options.Folds >= 2 ? CrossValidate(train, options, loaded.SpecialValues, specialCategories) : null,
            Calibration = ValidationTables.Calibration(scorecard.Grades, testScored.Grades, testScored.Pd, test.Target),
            Lift = ValidationTables.Lift(testScored.Pd, test.Target),
        };
        document = document with { Validation = validation, Population = ValidationTables.ScoreBands(trainScored.Scores) };
        if (options.Ebm is { } ebmOptions)
        {
            document = WithEbm(document, scorecard, validation, train, test, ebmOptions, options.EbmChampion);
            if (options.EbmChallenger)
            {
                document = document with { ChallengerKind = "ebm" };
            }
        }

        if (options.Challenger is not { } challengerOptions)
        {
            return new TrainingResult(document, null);
        }

        if (options.ChallengerMonotoneFromTrends)
        {
            var directions = new Dictionary<string, MonotoneDirection>(MonotoneConstraints.FromTrends(document.Characteristics), StringComparer.Ordinal);
            foreach (var (name, direction) in challengerOptions.Monotone)
            {
                directions[name] = direction;
            }

            challengerOptions = challengerOptions with { Monotone = directions };
        }

        var challenger = GbdtChallenger.Train(train, challengerOptions);
        var testPd = challenger.Model.PredictPd(test);
        var record = challenger.Record with { Test = ValidationTables.Performance(testPd, test.Target) };
        document = document with { Challenger = record };
        if (!options.GbdtChampion)
        {
            return new TrainingResult(document, challenger);
        }

        // The challenger scores: its probabilities become scores on the same scale and grades, and the validation
        // figures, calibration, lift and stability baseline are its own.
        var trainPd = challenger.Model.PredictPd(train);
        var testGrades = testPd.Select(pd => scorecard.GradeIndexOf(ScoreOfPd(document.Scaling, pd))).ToArray();
        var gbdtValidation = validation with
        {
            Train = record.Train ?? ValidationTables.Performance(trainPd, train.Target),
            Test = record.Test,
            CrossValidation = record.CrossValidation,
            Calibration = ValidationTables.Calibration(scorecard.Grades, testGrades, testPd, test.Target),
            Lift = ValidationTables.Lift(testPd, test.Target),
            ScorecardTest = validation.Test,
        };
        return new TrainingResult(
            document with
            {
                Kind = "gbdt",
                ModelId = document.ModelId.Replace("scorecard-", "gbdt-", StringComparison.Ordinal),
                Validation = gbdtValidation,
                Population = ValidationTables.ScoreBands([.. trainPd.Select(pd => ScoreOfPd(document.Scaling, pd))]),
            },
            challenger);
    }

    /// <summary>
    /// Trains the explainable boosting machine on the training part and measures it on the held-out part; when it is
    /// the champion its figures, calibration, lift and stability baseline become the document's.
    /// </summary>
    private static ScorecardDocument WithEbm(
        ScorecardDocument document, Scorecard scorecard, ValidationRecord validation, CreditDataset train, CreditDataset test, Explainable.EbmOptions options, bool champion)
    {
        var ebm = new Explainable.EbmModel(Explainable.EbmTrainer.Train(train, options));
        var testPd = ebm.PredictPd(test);
        var testFigures = ValidationTables.Performance(testPd, test.Target);
        document = document with { Ebm = ebm.Record, EbmTest = testFigures };
        if (!champion)
        {
            return document;
        }

        var trainPd = ebm.PredictPd(train);
        var testGrades = testPd.Select(pd => scorecard.GradeIndexOf(ScoreOfPd(document.Scaling, pd))).ToArray();
        return document with
        {
            Kind = "ebm",
            ModelId = document.ModelId.Replace("scorecard-", "ebm-", StringComparison.Ordinal),
            Validation = validation with
            {
                Train = ValidationTables.Performance(trainPd, train.Target),
                Test = testFigures,
                CrossValidation = null,
                Calibration = ValidationTables.Calibration(scorecard.Grades, testGrades, testPd, test.Target),
                Lift = ValidationTables.Lift(testPd, test.Target),
                ScorecardTest = validation.Test,
            },
            Population = ValidationTables.ScoreBands([.. trainPd.Select(pd => ScoreOfPd(document.Scaling, pd))]),
        };
    }

    /// <summary>A probability as a score on the scorecard's scale, rounded like points.</summary>
    public static double ScoreOfPd(ScoreScaling scaling, double pd)
    {
        ArgumentNullException.ThrowIfNull(scaling);
        var bounded = Math.Clamp(pd, 1e-9, 1 - 1e-9);
        return Math.Round(scaling.ScoreOfPd(bounded), scaling.PointsDecimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>Fits the whole process on k−1 folds and measures it on the fold left out, k times.</summary>
    public static CrossValidationFigures CrossValidate(
        CreditDataset sample, TrainingOptions options, IReadOnlyList<double> specialNumbers, IReadOnlySet<string> specialCategories)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(options);
        var foldOf = Sampling.StratifiedFolds(sample.Target, options.Folds, options.Seed);
        var auc = new double[options.Folds];
        var ks = new double[options.Folds];
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var inFold = Enumerable.Range(0, sample.Rows).Where(r => foldOf[r] == fold).ToArray();
            var outOfFold = Enumerable.Range(0, sample.Rows).Where(r => foldOf[r] != fold).ToArray();
            var fitSample = sample.Select(outOfFold);
            var holdOut = sample.Select(inFold);
            var fitted = ScorecardFitter.Fit(fitSample, options, specialNumbers, specialCategories);
            var scorecard = Scorecard.From(Document(fitted, options, "cross-validation", DateTimeOffset.UnixEpoch, BuildTraining(options, null, fitSample.Rows, 0, holdOut.Rows)));
            var scored = DatasetScorer.Score(scorecard, holdOut);
            auc[fold] = Metrics.Auc(scored.Pd, holdOut.Target);
            ks[fold] = Metrics.Ks(scored.Pd, holdOut.Target);
        }

        var mean = auc.Average();
        var sd = Math.Sqrt(auc.Sum(a => (a - mean) * (a - mean)) / Math.Max(1, auc.Length - 1));
        return new CrossValidationFigures(options.Folds, mean, sd, ks.Average(), auc);
    }

    public static IReadOnlyList<RiskGrade> Grades(ScoreScaling scaling, IReadOnlyList<double> maxPds)
    {
        ArgumentNullException.ThrowIfNull(scaling);
        ArgumentNullException.ThrowIfNull(maxPds);
        var grades = maxPds
            .Select((pd, i) => new RiskGrade(((char)('A' + i)).ToString(), Math.Round(scaling.ScoreOfPd(pd), 2, MidpointRounding.AwayFromZero), pd))
            .ToList();
        grades.Add(new RiskGrade(((char)('A' + maxPds.Count)).ToString(), null, null));
        return grades;
    }

    private static ScorecardDocument Assemble(FittedScorecard fitted, LoadedDataset loaded, TrainingOptions options, int trainRows, int testRows, DateTimeOffset now)
    {
        var training = BuildTraining(options, loaded, loaded.Data.Rows, trainRows, testRows) with { SelectionLog = fitted.SelectionLog };
        return Document(fitted, options, "scorecard", now, training);
    }

    private static TrainingRecord BuildTraining(TrainingOptions options, LoadedDataset? loaded, int rows, int trainRows, int testRows) => new()
    {
        SourceFile = options.SourceFile,
        Rows = rows,
        TrainRows = trainRows,
        TestRows = testRows,
        Bads = loaded?.Data.Bads ?? 0,
        Seed = options.Seed,
        TestFraction = options.TestFraction,
        Binning = options.Binning,
        Selection = new SelectionOptionsRecord(options.Selection.MinIv, options.Selection.MaxCorrelation, options.Selection.MaxVif, options.Selection.MaxCharacteristics),
        L2Penalty = options.L2Penalty,
        SpecialValues = loaded?.SpecialValues ?? [],
        SpecialCategories = loaded?.SpecialCategories ?? [],
        CategoricalColumns = loaded is null ? [] : [.. loaded.Data.Columns.Where(c => c.Kind == ColumnKind.Categorical).Select(c => c.Name)],
        DroppedAtLoad = loaded?.Dropped ?? [],
        TextInNumbers = loaded?.TextInNumbers ?? [],
    };

    private static ScorecardDocument Document(FittedScorecard fitted, TrainingOptions options, string kind, DateTimeOffset now, TrainingRecord training) => new()
    {
        ModelId = $"{kind}-{now:yyyyMMdd'T'HHmmss'Z'}-{Fingerprint(fitted)}",
        Kind = kind,
        CreatedAt = now,
        Target = options.Target,
        Scaling = options.Scaling,
        Intercept = fitted.Intercept,
        Characteristics = fitted.Characteristics,
        Grades = Grades(options.Scaling, options.GradeMaxPds),
        Training = training,
    };

    private static string Fingerprint(FittedScorecard fitted)
    {
        var text = new StringBuilder().Append(fitted.Intercept.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var c in fitted.Characteristics)
        {
            text.Append('|').Append(c.Name).Append(':').Append(c.Coefficient.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..8];
    }
}
